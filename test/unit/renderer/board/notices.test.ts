/** Board notices in the client (issue 14): the newest entry per member wins; anything malformed or oversized is dropped. */
import { beforeEach, describe, expect, it } from 'vitest'
import type { BoardEntry } from '../../../../protocol/board.ts'
import { boardStore } from '../../../../renderer/board/board-store.ts'
import { receiveBoardNotice } from '../../../../renderer/board/notices.ts'

const packet = (value: unknown) => new TextEncoder().encode(JSON.stringify(value))
const entry = (memberId: string, text: string, updatedAt: number): BoardEntry => ({ memberId, text, link: null, since: updatedAt, updatedAt, tasks: [] })

describe('board notices in the client', () => {
  beforeEach(() => {
    boardStore.getState().reset()
    boardStore.getState().putAll([entry('mem_ana', 'Billing', 10)])
  })

  it('takes a member’s entry as the server says it is now, and never an older one', () => {
    expect(receiveBoardNotice(packet({ type: 'entry', entry: { ...entry('mem_ana', 'Release', 20), tasks: [{ title: 'Ship', status: 'doing', due: '2026-12-24' }] } }))).toBe(true)
    expect(boardStore.getState().entries.mem_ana).toMatchObject({ text: 'Release', tasks: [{ title: 'Ship' }] })
    expect(receiveBoardNotice(packet({ type: 'entry', entry: entry('mem_ana', 'Stale', 15) }))).toBe(true)
    expect(boardStore.getState().entries.mem_ana!.text).toBe('Release')
    // A list read before the notice arrived does not undo it either.
    boardStore.getState().putAll([entry('mem_ana', 'Billing', 10), entry('mem_bo', 'Design', 12)])
    expect(Object.values(boardStore.getState().entries).map((e) => e.text).sort()).toEqual(['Design', 'Release'])
  })

  it('drops a malformed or oversized notice and changes nothing', () => {
    const before = boardStore.getState().entries
    const bad = [
      packet({ type: 'entry', entry: { memberId: 'mem_ana' } }),
      packet({ type: 'entry', entry: { ...entry('mem_ana', 'x', 30), link: 'javascript:alert(1)' } }),
      packet({ type: 'entry', entry: { ...entry('mem_ana', 'x', 30), tasks: [1, 2, 3, 4].map((i) => ({ title: `T${i}`, status: 'todo', due: null })) } }),
      packet({ type: 'entry', entry: entry('mem_ana', 'x'.repeat(7_000), 30) }),
      packet({ type: 'entry', entry: entry('mem_ana', 'x', 30), pad: 'x'.repeat(10_000) }),
      new TextEncoder().encode('{not json'),
    ]
    for (const payload of bad) expect(receiveBoardNotice(payload)).toBe(false)
    expect(boardStore.getState().entries).toBe(before)
  })
})
