/**
 * The board of who works on what (issue 14) on the real server and livekit-server: a member's line
 * with its link and since-when, up to three pinned tasks (a fourth refused, naming the limit), bad
 * input refused naming the field, a history any member reads, a member writing in a loop slowed
 * down, guests kept off it, and each change carried live to members' lobby connections (never to
 * guests).
 */
import { describe, expect, it } from 'vitest'
import type { SignedIn } from '../../protocol/api.ts'
import { BOARD_LIMITS, type BoardTask } from '../../protocol/board.ts'
import { topics } from '../../protocol/presence.ts'
import { readBoardNotice } from '../../renderer/board/notices.ts'
import { boardApi } from '../support/board.ts'
import { addMember, createWorkspace, until } from '../support/factories.ts'
import { useNoticeStack } from '../support/notice-stack.ts'

const notices = useNoticeStack()
const { http } = notices

const api = () => boardApi(http)
const task = (title: string, status: BoardTask['status'] = 'todo', due: string | null = null): BoardTask => ({ title, status, due })

/** What `who`'s lobby connection hears from the server on the board topic (null: the reader refused it). */
const listen = (who: SignedIn) => notices.listen(who, topics.board, readBoardNotice)

describe('the board', () => {
  it('keeps a line with its link and since-when, and shows it to every member', async () => {
    const owner = await createWorkspace(http)
    const [ana, bo] = [await addMember(http, owner), await addMember(http, owner)]
    const set = await api().setLine(ana, '  Release notes for 2.0  ', 'https://example.com/pr/42')
    expect(set.status).toBe(200)
    expect(set.body).toMatchObject({ memberId: ana.member.id, text: 'Release notes for 2.0', link: 'https://example.com/pr/42', tasks: [] })
    const since = set.body.since
    expect(since).toBeGreaterThan(Date.now() - 60_000)
    // A new link keeps since-when; new text moves it.
    expect((await api().setLine(ana, 'Release notes for 2.0', null)).body).toMatchObject({ link: null, since })
    const read = await api().board(bo)
    expect(read.status).toBe(200)
    expect(read.body.entries).toEqual([expect.objectContaining({ memberId: ana.member.id, text: 'Release notes for 2.0', since })])
    // Another workspace's board is not there for an outsider.
    const elsewhere = await createWorkspace(http, 'Elsewhere')
    expect((await http.get(`/api/workspaces/${owner.workspace.id}/board`, elsewhere.session.token)).status).toBe(404)
  })

  it('pins up to three tasks, refuses a fourth naming the limit, and refuses bad input naming the field', async () => {
    const owner = await createWorkspace(http)
    const ana = await addMember(http, owner)
    const three = [task('Review PR', 'doing', '2026-12-01'), task('Write tests'), task('Ship', 'done')]
    const pinned = await api().setTasks(ana, three)
    expect(pinned.status).toBe(200)
    expect(pinned.body.tasks).toEqual(three)

    const fourth = await api().setTasks(ana, [...three, task('One more')])
    expect(fourth.status).toBe(400)
    expect(fourth.body).toMatchObject({ field: 'tasks', message: expect.stringContaining(`up to ${BOARD_LIMITS.tasks} tasks`) })
    expect((await api().board(ana)).body.entries[0]!.tasks).toEqual(three)

    const refusals: [unknown, string][] = [
      [{ tasks: [{ title: 'x', status: 'started', due: null }] }, 'tasks.0.status'],
      [{ tasks: [task('x', 'todo', '2026-02-30')] }, 'tasks.0.due'],
      [{ tasks: [task('x', 'todo', 'tomorrow')] }, 'tasks.0.due'],
      [{ tasks: [task('   ')] }, 'tasks.0.title'],
      [{ tasks: [task('x'.repeat(BOARD_LIMITS.taskTitle + 1))] }, 'tasks.0.title'],
    ]
    for (const [body, field] of refusals) {
      const res = await api().call(ana, 'PUT', '/tasks', body)
      expect(res.status, JSON.stringify(body)).toBe(400)
      expect(res.body.field, JSON.stringify(res.body)).toBe(field)
    }
    const lines: [unknown, string][] = [
      [{ text: 'x'.repeat(BOARD_LIMITS.text + 1) }, 'text'],
      [{ text: 'two\nlines' }, 'text'],
      [{ text: 'ok', link: 'javascript:alert(1)' }, 'link'],
      [{ text: 'ok', link: 'ftp://example.com/file' }, 'link'],
      [{}, 'text'],
    ]
    for (const [body, field] of lines) {
      const res = await api().call(ana, 'PUT', '/line', body)
      expect(res.status, JSON.stringify(body)).toBe(400)
      expect(res.body.field, JSON.stringify(res.body)).toBe(field)
    }
  })

  it('keeps a history of changes any member reads, newest first and bounded', async () => {
    const owner = await createWorkspace(http)
    const [ana, bo] = [await addMember(http, owner), await addMember(http, owner)]
    await api().setLine(ana, 'First')
    await api().setTasks(ana, [task('Plan', 'doing')])
    await api().setLine(ana, 'First')
    await api().setLine(ana, 'Second', 'https://example.com/doc')
    const history = await api().history(bo, ana.member.id)
    expect(history.status).toBe(200)
    expect(history.body.changes.map((c) => [c.kind, c.text])).toEqual([['line', 'Second'], ['tasks', 'First'], ['line', 'First']])
    expect(history.body.changes[0]).toMatchObject({ link: 'https://example.com/doc', tasks: [task('Plan', 'doing')] })
    for (let i = 0; i < BOARD_LIMITS.history + 2; i++) await api().setLine(bo, `Line ${i}`)
    const long = (await api().history(ana, bo.member.id)).body.changes
    expect(long).toHaveLength(BOARD_LIMITS.history)
    expect(long[0]!.text).toBe(`Line ${BOARD_LIMITS.history + 1}`)
    expect((await api().history(bo, 'mem_nobody')).status).toBe(404)
  })

  it('slows down a member who writes in a loop, and only them', async () => {
    const owner = await createWorkspace(http)
    const [ana, bo] = [await addMember(http, owner), await addMember(http, owner)]
    for (let i = 0; i < BOARD_LIMITS.rate.limit; i++) expect((await api().setLine(ana, `Loop ${i}`)).status).toBe(200)
    const refused = await api().setTasks(ana, [task('One more')])
    expect(refused.status).toBe(429)
    expect(refused.body).toMatchObject({ message: expect.stringContaining('too many board changes') })
    expect((await api().board(ana)).body.entries.find((e) => e.memberId === ana.member.id)!.tasks).toEqual([])
    expect((await api().setLine(bo, 'Still here')).status).toBe(200)
  })

  it('keeps guests off the board', async () => {
    const owner = await createWorkspace(http)
    const guest = await addMember(http, owner, 'guest', ['room_meeting'])
    await api().setLine(owner, 'Hosting')
    expect((await api().board(guest)).status).toBe(403)
    expect((await api().setLine(guest, 'Visiting')).status).toBe(403)
    expect((await api().setTasks(guest, [task('x')])).status).toBe(403)
    expect((await api().history(guest, owner.member.id)).status).toBe(403)
    expect((await api().board(owner)).body.entries.map((e) => e.memberId)).toEqual([owner.member.id])
  })

  it('carries each change live to members, as the entry itself, and nothing to guests', async () => {
    const owner = await createWorkspace(http)
    const [ana, bo, guest] = [await addMember(http, owner), await addMember(http, owner), await addMember(http, owner, 'guest', ['room_meeting'])]
    const [heardByBo, heardByGuest] = [await listen(bo), await listen(guest)]
    const line = (await api().setLine(ana, 'Billing bug', 'https://example.com/issue/7')).body
    const tasks = (await api().setTasks(ana, [task('Fix it', 'doing', '2026-12-24')])).body
    await until(async () => heardByBo.length >= 2, 'both board notices')
    expect(heardByBo).toEqual([{ type: 'entry', entry: line }, { type: 'entry', entry: tasks }])
    // The same line again changes nothing and says nothing.
    await api().setLine(ana, 'Billing bug', 'https://example.com/issue/7')
    await api().setLine(ana, 'Done with billing')
    await until(async () => heardByBo.length >= 3, 'the third notice')
    expect(heardByBo[2]).toMatchObject({ entry: { text: 'Done with billing' } })
    expect(heardByGuest).toEqual([])
  })
})
