/**
 * The board (issue 14) in both stores (a real SQLite file, a real PostgreSQL database): a member's
 * line with its link and since-when, pinned tasks, the history of changes trimmed to the last few,
 * workspaces apart, and everything gone with the member; and a SQLite board copied to PostgreSQL
 * (server/store/migrate) keeps its entries and the order of its history.
 */
import { describe, expect, it } from 'vitest'
import type { BoardTask } from '../../../../protocol/board.ts'
import { copyToPostgres } from '../../../../server/store/migrate/copy-to-postgres.ts'
import { storeKinds } from '../../../support/stores.ts'
import { inviteRecord, newMember, seedWorkspace } from './fixtures.ts'

const kinds = storeKinds()
const task = (title: string, status: BoardTask['status'] = 'todo', due: string | null = null): BoardTask => ({ title, status, due })

describe.each(kinds)('$name store', (kind) => {
  const withMembers = async () => {
    const place = await kind.place()
    const store = await kind.open(place)
    const { workspaceId: ws, ownerId } = await seedWorkspace(store)
    const bo = newMember()
    await store.createInvite('c_bo', inviteRecord(ws))
    await store.acceptInvite('c_bo', bo, 2)
    return { store, place, ws, ownerId, bo: bo.memberId }
  }

  it('keeps a line whose since-when moves only when its text changes', async () => {
    const { store, ws, bo } = await withMembers()
    expect(await store.getBoardEntry(ws, bo)).toBeNull()
    const first = await store.updateBoardEntry(ws, bo, { kind: 'line', text: 'Release notes', link: null }, 1_000, 50)
    expect(first).toEqual({ changed: true, entry: { memberId: bo, text: 'Release notes', link: null, since: 1_000, updatedAt: 1_000, tasks: [] } })
    // A new link keeps "since"; the same line again changes nothing.
    const linked = await store.updateBoardEntry(ws, bo, { kind: 'line', text: 'Release notes', link: 'https://example.com/pr/1' }, 2_000, 50)
    expect(linked!.entry).toMatchObject({ since: 1_000, updatedAt: 2_000, link: 'https://example.com/pr/1' })
    expect((await store.updateBoardEntry(ws, bo, { kind: 'line', text: 'Release notes', link: 'https://example.com/pr/1' }, 3_000, 50))!.changed).toBe(false)
    const moved = await store.updateBoardEntry(ws, bo, { kind: 'line', text: 'Billing bug', link: null }, 4_000, 50)
    expect(moved!.entry).toMatchObject({ text: 'Billing bug', link: null, since: 4_000, updatedAt: 4_000 })
    expect(await store.getBoardEntry(ws, bo)).toEqual(moved!.entry)
    // Nobody else's entry, and not in another workspace.
    expect(await store.updateBoardEntry(ws, 'mem_ghost', { kind: 'line', text: 'x', link: null }, 5_000, 50)).toBeNull()
    const { workspaceId: other } = await seedWorkspace(store, 'ws_other')
    expect(await store.updateBoardEntry(other, bo, { kind: 'line', text: 'x', link: null }, 5_000, 50)).toBeNull()
    expect(await store.getBoardEntry(other, bo)).toBeNull()
    expect(await store.listBoard(other)).toEqual([])
  })

  it('pins tasks beside the line and lists the whole board', async () => {
    const { store, ws, ownerId, bo } = await withMembers()
    await store.updateBoardEntry(ws, bo, { kind: 'line', text: 'Billing', link: null }, 1_000, 50)
    const tasks = [task('Review PR', 'doing', '2026-12-01'), task('Write tests'), task('Ship', 'done')]
    const pinned = await store.updateBoardEntry(ws, bo, { kind: 'tasks', tasks }, 2_000, 50)
    expect(pinned!.entry).toMatchObject({ text: 'Billing', since: 1_000, updatedAt: 2_000, tasks })
    expect((await store.updateBoardEntry(ws, bo, { kind: 'tasks', tasks: tasks.map((t) => ({ ...t })) }, 3_000, 50))!.changed).toBe(false)
    // Tasks first: an entry with an empty line.
    const owner = await store.updateBoardEntry(ws, ownerId, { kind: 'tasks', tasks: [task('Plan')] }, 4_000, 50)
    expect(owner!.entry).toEqual({ memberId: ownerId, text: '', link: null, since: 4_000, updatedAt: 4_000, tasks: [task('Plan')] })
    const board = await store.listBoard(ws)
    expect(board.map((e) => e.memberId).sort()).toEqual([bo, ownerId].sort())
    expect(board.find((e) => e.memberId === bo)!.tasks).toEqual(tasks)
  })

  it('keeps every change, newest first, up to the last `keep` per member', async () => {
    const { store, ws, ownerId, bo } = await withMembers()
    for (let i = 1; i <= 7; i++) await store.updateBoardEntry(ws, bo, { kind: 'line', text: `Line ${i}`, link: null }, i * 1_000, 5)
    await store.updateBoardEntry(ws, bo, { kind: 'tasks', tasks: [task('Ship', 'doing')] }, 8_000, 5)
    await store.updateBoardEntry(ws, ownerId, { kind: 'line', text: 'Owner', link: null }, 9_000, 5)
    const history = await store.boardHistory(ws, bo)
    expect(history.map((h) => [h.kind, h.text, h.at])).toEqual([['tasks', 'Line 7', 8_000], ['line', 'Line 7', 7_000], ['line', 'Line 6', 6_000], ['line', 'Line 5', 5_000], ['line', 'Line 4', 4_000]])
    expect(history[0]).toEqual({ at: 8_000, kind: 'tasks', text: 'Line 7', link: null, since: 7_000, tasks: [task('Ship', 'doing')] })
    expect(await store.boardHistory(ws, ownerId)).toHaveLength(1)
    expect(await store.boardHistory('ws_other', bo)).toEqual([])
  })

  it('forgets a member’s entry and history when they leave the workspace', async () => {
    const { store, place, ws, bo } = await withMembers()
    await store.updateBoardEntry(ws, bo, { kind: 'line', text: 'Leaving soon', link: null }, 1_000, 50)
    await store.updateBoardEntry(ws, bo, { kind: 'tasks', tasks: [task('Hand over')] }, 2_000, 50)
    expect(await kind.count(place, 'board_history', `member_id = '${bo}'`)).toBe(2)
    await store.removeMember(ws, bo, 3_000)
    expect(await store.listBoard(ws)).toEqual([])
    expect(await kind.count(place, 'board_history', `member_id = '${bo}'`)).toBe(0)
  })
})

describe('copying a SQLite store to PostgreSQL', () => {
  it('keeps the board and the order of its history', async () => {
    const [sqlite, postgres] = kinds as [(typeof kinds)[0], (typeof kinds)[0]]
    const file = await sqlite.place()
    const store = await sqlite.open(file)
    const { workspaceId: ws, ownerId } = await seedWorkspace(store)
    // Same-millisecond changes: only the order they were kept in tells them apart.
    for (const text of ['One', 'Two', 'Three']) await store.updateBoardEntry(ws, ownerId, { kind: 'line', text, link: null }, 1_000, 50)
    await store.updateBoardEntry(ws, ownerId, { kind: 'tasks', tasks: [task('Ship', 'doing', '2026-12-01')] }, 1_000, 50)
    const [board, history] = [await store.listBoard(ws), await store.boardHistory(ws, ownerId)]
    expect(history.map((h) => h.text)).toEqual(['Three', 'Three', 'Two', 'One'])
    await store.close()
    const url = await postgres.place()
    await copyToPostgres({ from: file, to: url })
    const copied = await postgres.open(url)
    expect(await copied.listBoard(ws)).toEqual(board)
    expect(await copied.boardHistory(ws, ownerId)).toEqual(history)
    // And it goes on from there: the next change comes first.
    await copied.updateBoardEntry(ws, ownerId, { kind: 'line', text: 'Four', link: null }, 1_000, 50)
    expect((await copied.boardHistory(ws, ownerId)).map((h) => h.text)).toEqual(['Four', 'Three', 'Three', 'Two', 'One'])
  })
})
