/**
 * Shelves (issue 14) on the real server and livekit-server: a private room's shelf does not exist
 * for outsiders (404 on every route, its body unread), files go up to 25 MB and a larger one is
 * refused naming the limit, authors, hosts and a place's owner change or remove items and comments
 * and nobody else does, a search finds only what the searcher may see, and a comment reaches the
 * desk's owner and a shelf's followers live, never its writer.
 */
import { existsSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { SignedIn } from '../../protocol/api.ts'
import type { Floor } from '../../protocol/floor/records.ts'
import { SHELF_LIMITS, SHELF_TOPIC, type Shelf, type ShelfComment, type ShelfCounts, type ShelfItem, type ShelfItemThread, type ShelfSearch } from '../../protocol/shelf.ts'
import { readShelfNotice } from '../../renderer/shelf/notices.ts'
import { companiesApi } from '../support/companies.ts'
import { addMember, createWorkspace, editFloor, until } from '../support/factories.ts'
import { useNoticeStack } from '../support/notice-stack.ts'

const notices = useNoticeStack()
const { http } = notices

const MB = 1024 * 1024
const pdf = (size: number) => Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(size - 9, 0x20)])
const path = (who: SignedIn, rest: string) => `/api/workspaces/${who.workspace.id}/shelves${rest}`
const call = <T = Record<string, unknown>>(who: SignedIn, method: string, rest: string, body?: unknown) =>
  http.call<T>(method, path(who, rest), { token: who.session.token, ...(body !== undefined ? { body } : {}) })
async function ok<T>(res: Promise<{ status: number; body: unknown }>): Promise<T> {
  const { status, body } = await res
  if (status >= 300) throw new Error(`${status} ${JSON.stringify(body)}`)
  return body as T
}
const note = (who: SignedIn, place: string, title = 'Plan', body = 'Ship **it**') => ok<ShelfItem>(call(who, 'POST', `/${place}/notes`, { title, body }))
const comment = (who: SignedIn, place: string, item: string, body = 'Nice') => ok<ShelfComment>(call(who, 'POST', `/${place}/items/${item}/comments`, { body }))
/** Raw bytes to a shelf; `stream` sends them chunked, with no length announced. */
async function upload(who: SignedIn, place: string, name: string, bytes: Buffer, stream = false) {
  const body = stream ? new Blob([new Uint8Array(bytes)]).stream() : new Uint8Array(bytes)
  const res = await fetch(`${notices.stack.server.url}${path(who, `/${place}/files?name=${encodeURIComponent(name)}`)}`, {
    method: 'POST', headers: { authorization: `Bearer ${who.session.token}`, 'content-type': 'application/octet-stream' }, body, ...(stream ? { duplex: 'half' } : {}),
  } as RequestInit)
  return { status: res.status, body: (await res.json()) as Record<string, unknown> }
}

/** What `who`'s lobby connection hears from the server on the shelf topic (null: the reader refused it). */
const listen = (who: SignedIn) => notices.listen(who, SHELF_TOPIC, readShelfNotice)

describe('shelves', () => {
  it('keeps a private office’s shelf from outsiders: 404 on every route, as for a shelf that does not exist, until they are let in', async () => {
    // The starter floor's private office is its workspace owner's.
    const owner = await createWorkspace(http)
    const [host, member] = [await addMember(http, owner, 'host'), await addMember(http, owner)]
    const item = await note(owner, 'room_private', 'Budget', 'Salaries')
    const file = await ok<ShelfItem>(upload(owner, 'room_private', 'budget.pdf', pdf(100)))
    const said = await comment(owner, 'room_private', item.id)
    const every = (place: string, i = item.id, c = said.id): [string, string, unknown?][] => [
      ['GET', `/${place}`], ['POST', `/${place}/notes`, { title: 'Mine', body: '' }], ['GET', `/${place}/items/${i}`], ['PATCH', `/${place}/items/${i}`, { title: 'X' }],
      ['DELETE', `/${place}/items/${i}`], ['GET', `/${place}/items/${file.id}/file`], ['POST', `/${place}/items/${i}/comments`, { body: 'Hi' }],
      ['PATCH', `/${place}/items/${i}/comments/${c}`, { body: 'Hi' }], ['DELETE', `/${place}/items/${i}/comments/${c}`], ['PUT', `/${place}/follow`], ['DELETE', `/${place}/follow`],
    ]
    for (const outsider of [host, member]) {
      for (const [method, rest, body] of every('room_private')) {
        const [res, none] = [await call(outsider, method, rest, body), await call(outsider, method, rest.replace('room_private', 'room_nosuchroom'), body)]
        expect(res.status, `${method} ${rest}`).toBe(404)
        expect(res.body).toEqual(none.body)
      }
      // A file is refused unread, whatever its size.
      expect((await upload(outsider, 'room_private', 'big.pdf', pdf(SHELF_LIMITS.fileBytes + 1))).status).toBe(404)
      expect((await ok<ShelfCounts>(call(outsider, 'GET', ''))).shelves.map((s) => s.placeId)).not.toContain('room_private')
    }
    expect((await ok<ShelfCounts>(call(owner, 'GET', ''))).shelves).toContainEqual({ placeId: 'room_private', items: 2 })
    expect((await ok<ShelfItemThread>(call(owner, 'GET', `/room_private/items/${item.id}`))).comments.map((c) => c.body)).toEqual(['Nice'])
    // Let in by its owner: the member reads it now.
    await editFloor(http, owner, [{ op: 'room.update', id: 'room_private', changes: { allowed: [member.member.id] } }])
    expect((await ok<Shelf>(call(member, 'GET', '/room_private'))).items.map((i) => i.title)).toEqual(['budget.pdf', 'Budget'])
    expect((await call(host, 'GET', '/room_private')).status).toBe(404)
  })

  it('keeps a company-only room’s shelf to its company: others, hosts too, get 404', async () => {
    const owner = await createWorkspace(http)
    const [host, ada, bob] = [await addMember(http, owner, 'host'), await addMember(http, owner), await addMember(http, owner)]
    const companies = companiesApi(http)
    const acme = await companies.create(owner, 'Acme')
    expect((await companies.add(owner, acme.id, ada)).status).toBe(200)
    await editFloor(http, owner, [{ op: 'room.update', id: 'room_meeting', changes: { companyId: acme.id, companyOnly: true } }])
    const plan = await note(ada, 'room_meeting', 'Acme roadmap')
    for (const outsider of [host, bob]) {
      expect(await call(outsider, 'GET', '/room_meeting')).toMatchObject({ status: 404 })
      expect(await call(outsider, 'POST', `/room_meeting/items/${plan.id}/comments`, { body: 'Hi' })).toMatchObject({ status: 404 })
      expect((await ok<ShelfSearch>(call(outsider, 'GET', '/search?q=roadmap'))).results).toEqual([])
    }
    expect((await ok<ShelfSearch>(call(ada, 'GET', '/search?q=roadmap'))).results.map((r) => r.item.id)).toEqual([plan.id])
  })

  it('keeps files up to 25 MB, served back whole with safe headers, and refuses a larger one with 413 naming the limit', async () => {
    const owner = await createWorkspace(http)
    const largest = pdf(SHELF_LIMITS.fileBytes)
    const kept = await upload(owner, 'room_lounge', 'Report.pdf', largest)
    expect(kept).toMatchObject({ status: 201, body: { kind: 'file', title: 'Report.pdf', file: { type: 'application/pdf', size: 25 * MB } } })
    const res = await fetch(`${notices.stack.server.url}${path(owner, `/room_lounge/items/${kept.body.id as string}/file`)}`, { headers: { authorization: `Bearer ${owner.session.token}` } })
    expect(res.headers.get('content-disposition')).toMatch(/^attachment; filename="Report.pdf"/)
    expect(res.headers.get('x-content-type-options')).toBe('nosniff')
    expect(Buffer.from(await res.arrayBuffer()).equals(largest)).toBe(true)
    for (const stream of [false, true]) {
      const refused = await upload(owner, 'room_lounge', 'Bigger.pdf', pdf(SHELF_LIMITS.fileBytes + 1), stream)
      expect(refused.status, stream ? 'streamed' : 'announced').toBe(413)
      expect(refused.body.message).toMatch(/25 MB/)
    }
    // The type comes from the content: a program named .pdf is refused, a document of Office kept as one.
    expect(await upload(owner, 'room_lounge', 'tool.pdf', Buffer.from([0x4d, 0x5a, 0x90, 0x00, 0x03]))).toMatchObject({ status: 415, body: { field: 'body' } })
    const docx = await upload(owner, 'room_lounge', 'Notes.docx', Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(60)]))
    expect(docx.body.file).toMatchObject({ type: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' })
    expect((await ok<Shelf>(call(owner, 'GET', '/room_lounge'))).items.map((i) => i.title)).toEqual(['Notes.docx', 'Report.pdf'])

    // A removed file's bytes go with it.
    const stored = () => readdirSync(join(notices.stack.server.dataDir, 'attachments'), { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).length
    const before = stored()
    expect(await call(owner, 'DELETE', `/room_lounge/items/${kept.body.id as string}`)).toMatchObject({ status: 204 })
    expect(stored()).toBe(before - 1)
  }, 60_000)

  it(`holds ${SHELF_LIMITS.items} items: one more is refused with 409, and a file refused so leaves no bytes behind`, async () => {
    const owner = await createWorkspace(http)
    // Five members fill the lounge's shelf (each within the write limit).
    const writers = [owner, ...(await Promise.all([1, 2, 3, 4].map(() => addMember(http, owner))))]
    const perWriter = SHELF_LIMITS.items / writers.length
    await Promise.all(writers.map(async (who) => {
      for (let i = 0; i < perWriter; i++) await note(who, 'room_lounge', `Note ${i}`, '')
    }))
    expect(await call(owner, 'POST', '/room_lounge/notes', { title: 'One more', body: '' })).toMatchObject({ status: 409 })
    const dir = join(notices.stack.server.dataDir, 'attachments')
    const stored = () => (existsSync(dir) ? readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).length : 0)
    const before = stored()
    expect(await upload(owner, 'room_lounge', 'Late.pdf', pdf(1_000))).toMatchObject({ status: 409 })
    expect(stored()).toBe(before)
  }, 60_000)

  it('slows down a member who writes in a loop: the 121st write in 10 minutes and the 21st file get 429 naming the wait, and others write on', async () => {
    const owner = await createWorkspace(http)
    const [ada, bob] = [await addMember(http, owner), await addMember(http, owner)]
    const item = await note(ada, 'room_lounge')
    // The note was the first write: 119 comments more make 120.
    for (let i = 0; i < SHELF_LIMITS.writeRate.limit - 1; i++) await comment(ada, 'room_lounge', item.id, `Comment ${i}`)
    const refused = await call(ada, 'POST', `/room_lounge/items/${item.id}/comments`, { body: 'One too many' })
    expect(refused).toMatchObject({ status: 429, body: { error: 'rate_limited', message: expect.stringMatching(/more than 120 notes, edits and comments on shelves in 10 minutes; wait \d+ min/) } })
    expect(await call(ada, 'PATCH', `/room_lounge/items/${item.id}`, { body: 'Edited' })).toMatchObject({ status: 429 })
    // Nothing of the refused write was kept, and Bob is not slowed down by Ada.
    expect((await ok<ShelfItemThread>(call(bob, 'GET', `/room_lounge/items/${item.id}`))).comments).toHaveLength(SHELF_LIMITS.writeRate.limit - 1)
    await comment(bob, 'room_lounge', item.id, 'Still here')

    // Files count apart, up to 25 MB each: the 21st is refused before its bytes are read.
    for (let i = 0; i < SHELF_LIMITS.fileRate.limit; i++) expect((await upload(bob, 'room_lounge', `Page ${i}.pdf`, pdf(64))).status).toBe(201)
    expect(await upload(bob, 'room_lounge', 'Page 21.pdf', pdf(64))).toMatchObject({ status: 429, body: { message: expect.stringMatching(/more than 20 files on shelves in 10 minutes/) } })
  }, 60_000)

  it('lets authors, hosts and a desk’s owner change or remove items and comments, and nobody else', async () => {
    const owner = await createWorkspace(http)
    const [host, ada, bob] = [await addMember(http, owner, 'host'), await addMember(http, owner), await addMember(http, owner)]
    const mine = await note(ada, 'room_lounge')
    expect(await call(bob, 'PATCH', `/room_lounge/items/${mine.id}`, { body: 'Hijacked' })).toMatchObject({ status: 403 })
    expect(await call(bob, 'DELETE', `/room_lounge/items/${mine.id}`)).toMatchObject({ status: 403 })
    expect(await call(ada, 'PATCH', `/room_lounge/items/${mine.id}`, { body: 'Ship it *today*' })).toMatchObject({ status: 200, body: { body: 'Ship it *today*', title: 'Plan' } })
    expect(await call(host, 'PATCH', `/room_lounge/items/${mine.id}`, { title: 'Plan, tidied' })).toMatchObject({ status: 200, body: { title: 'Plan, tidied' } })
    // Comments: the same rule.
    const said = await comment(bob, 'room_lounge', mine.id, 'Looks good')
    expect(await call(ada, 'PATCH', `/room_lounge/items/${mine.id}/comments/${said.id}`, { body: 'Bad' })).toMatchObject({ status: 403 })
    expect(await call(bob, 'PATCH', `/room_lounge/items/${mine.id}/comments/${said.id}`, { body: 'Looks great' })).toMatchObject({ status: 200, body: { body: 'Looks great' } })
    expect(await call(host, 'DELETE', `/room_lounge/items/${mine.id}/comments/${said.id}`)).toMatchObject({ status: 204 })
    expect(await call(host, 'DELETE', `/room_lounge/items/${mine.id}`)).toMatchObject({ status: 204 })
    expect(await call(ada, 'GET', `/room_lounge/items/${mine.id}`)).toMatchObject({ status: 404 })
    // A desk: its owner (the workspace owner's desk_1) and hosts add; others read and comment; its owner tidies others' comments.
    expect(await call(ada, 'POST', '/desk_1/notes', { title: 'Mine', body: '' })).toMatchObject({ status: 403 })
    expect((await upload(ada, 'desk_1', 'a.txt', Buffer.from('hello'))).status).toBe(403)
    const deskNote = await note(owner, 'desk_1', 'Desk plan')
    const remark = await comment(ada, 'desk_1', deskNote.id)
    expect(await call(owner, 'DELETE', `/desk_1/items/${deskNote.id}/comments/${remark.id}`)).toMatchObject({ status: 204 })
    // A desk nobody owns is anyone's.
    const floor = await http.get<Floor>(`/api/workspaces/${owner.workspace.id}/floors/floor_main`, owner.session.token)
    const free = floor.body.desks.find((d) => d.assigneeId === null)!
    expect(await call(ada, 'POST', `/${free.id}/notes`, { title: 'Hot desk note', body: '' })).toMatchObject({ status: 201 })
    expect(await call(ada, 'POST', `/${floor.body.desks.find((d) => d.assigneeId === bob.member.id)!.id}/notes`, { title: 'Bob’s', body: '' })).toMatchObject({ status: 403 })
    // Bad input names its field.
    expect(await call(ada, 'POST', '/room_lounge/notes', { title: '  ', body: '' })).toMatchObject({ status: 400, body: { field: 'title' } })
    expect(await call(ada, 'POST', '/room_lounge/notes', { title: 'Long', body: 'x'.repeat(SHELF_LIMITS.noteBody + 1) })).toMatchObject({ status: 400, body: { field: 'body' } })
    const file = await ok<ShelfItem>(upload(ada, 'room_lounge', 'data.csv', Buffer.from('a,b\n1,2\n')))
    expect(await call(ada, 'PATCH', `/room_lounge/items/${file.id}`, { title: 'data.exe' })).toMatchObject({ status: 400, body: { field: 'title' } })
    expect(await call(ada, 'PATCH', `/room_lounge/items/${file.id}`, { title: 'figures.csv' })).toMatchObject({ status: 200, body: { title: 'figures.csv' } })
  })

  it('lets a guest read and comment on the shelves of their invite’s rooms, and nothing else', async () => {
    const owner = await createWorkspace(http)
    const guest = await addMember(http, owner, 'guest', ['room_meeting'])
    const agenda = await note(owner, 'room_meeting', 'Agenda')
    await note(owner, 'room_lounge', 'Lounge rules')
    expect((await ok<Shelf>(call(guest, 'GET', '/room_meeting'))).items.map((i) => i.id)).toEqual([agenda.id])
    expect(await call(guest, 'POST', `/room_meeting/items/${agenda.id}/comments`, { body: 'See you there' })).toMatchObject({ status: 201 })
    expect(await call(guest, 'POST', '/room_meeting/notes', { title: 'Mine', body: '' })).toMatchObject({ status: 403 })
    for (const place of ['room_lounge', 'desk_1']) expect(await call(guest, 'GET', `/${place}`)).toMatchObject({ status: 404 })
    expect((await ok<ShelfCounts>(call(guest, 'GET', ''))).shelves).toEqual([{ placeId: 'room_meeting', items: 1 }])
  })

  it('searches notes’ titles and text and files’ names on the shelves the searcher may see only', async () => {
    const owner = await createWorkspace(http)
    const [member, guest] = [await addMember(http, owner), await addMember(http, owner, 'guest', ['room_meeting'])]
    await note(owner, 'room_private', 'Budget 2027', 'secret')
    await note(owner, 'desk_1', 'Desk', 'the BUDGET draft')
    await ok(upload(member, 'room_meeting', 'budget.txt', Buffer.from('numbers')))
    await note(member, 'room_lounge', 'Lunch', 'no money talk')
    const found = async (who: SignedIn, q: string) => (await ok<ShelfSearch>(call(who, 'GET', `/search?q=${encodeURIComponent(q)}`))).results.map((r) => `${r.placeName}: ${r.item.title}`)
    expect(await found(owner, 'budget')).toEqual(['Meeting room: budget.txt', 'Desk 1: Desk', 'Private office: Budget 2027'])
    expect(await found(member, 'budget')).toEqual(['Meeting room: budget.txt', 'Desk 1: Desk'])
    expect(await found(guest, 'budget')).toEqual(['Meeting room: budget.txt'])
    expect(await call(member, 'GET', '/search?q=b')).toMatchObject({ status: 400, body: { field: 'q' } })
  })

  it('tells the desk’s owner of a comment live, and the followers of a room’s shelf, never the one who wrote it', async () => {
    const owner = await createWorkspace(http)
    const [ada, bob] = [await addMember(http, owner), await addMember(http, owner)]
    const [heardByOwner, heardByAda, heardByBob] = [await listen(owner), await listen(ada), await listen(bob)]
    const deskNote = await note(owner, 'desk_1', 'Desk plan')
    const said = await comment(ada, 'desk_1', deskNote.id, 'Can I help?')
    await until(async () => heardByOwner.some((n) => n?.type === 'comment'), 'the desk owner hears of the comment')
    expect(heardByOwner.find((n) => n?.type === 'comment')).toEqual({
      type: 'comment', placeId: 'desk_1', placeName: 'Desk 1', item: { id: deskNote.id, title: 'Desk plan', kind: 'note' }, comment: expect.objectContaining({ id: said.id, body: 'Can I help?', authorId: ada.member.id }),
    })
    // Everyone who sees the shelf hears of the item and its count.
    await until(async () => heardByBob.some((n) => n?.type === 'item' && n.item.comments === 1), 'bob hears the item with its comment counted')
    expect(heardByBob).toContainEqual({ type: 'item', item: expect.objectContaining({ id: deskNote.id, comments: 0 }), items: 1 })

    // A room's shelf: its followers hear of comments; the shelf's owner of a desk may not stop hearing of their own.
    expect(await call(bob, 'PUT', '/room_lounge/follow')).toMatchObject({ status: 200, body: { following: true } })
    expect(await call(ada, 'PUT', '/room_lounge/follow')).toMatchObject({ body: { following: true } })
    expect(await call(owner, 'DELETE', '/desk_1/follow')).toMatchObject({ body: { following: true } })
    const roomNote = await note(owner, 'room_lounge', 'Lounge rules')
    await comment(ada, 'room_lounge', roomNote.id, 'Quiet please')
    await until(async () => heardByBob.some((n) => n?.type === 'comment' && n.placeId === 'room_lounge'), 'bob hears of the lounge comment')
    await until(async () => heardByOwner.some((n) => n?.type === 'item' && n.item.id === roomNote.id && n.item.comments === 1), 'the owner hears the counted item')
    expect(heardByAda.filter((n) => n?.type === 'comment')).toEqual([])
    expect(heardByOwner.filter((n) => n?.type === 'comment').map((n) => n?.type === 'comment' && n.placeId)).toEqual(['desk_1'])
    expect(heardByAda).not.toContain(null)
  })
})
