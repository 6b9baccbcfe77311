/**
 * Rooms' whiteboards (issue 14) against the real server: saves from two people merge element by
 * element (the newer version of an element wins, a deletion included), each change makes a version
 * and a save that changes nothing makes none; the thumbnail takes a real PNG only, up to its limit.
 */
import sharp from 'sharp'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { SignedIn } from '../../protocol/api.ts'
import { MAX_ELEMENTS, type Board, type Element } from '../../protocol/whiteboard.ts'
import { addMember, createWorkspace } from '../support/factories.ts'
import { httpClient, type HttpClient } from '../support/http.ts'
import { startStack, type Stack } from '../support/stack.ts'

let stack: Stack
let http: HttpClient
beforeAll(async () => {
  stack = await startStack()
  http = httpClient(stack.server.url)
})
afterAll(() => stack?.stop())

const el = (id: string, version: number, changes: Partial<Element> & Record<string, unknown> = {}): Element => ({ id, type: 'rectangle', version, versionNonce: 1, isDeleted: false, ...{ x: 0, y: 0 }, ...changes })
const url = (who: SignedIn, tail = '') => `/api/workspaces/${who.workspace.id}/whiteboards/room_meeting${tail}`
const save = async (who: SignedIn, elements: Element[]) => {
  const res = await http.call<Board>('PUT', url(who), { token: who.session.token, body: { elements } })
  expect(res.status, JSON.stringify(res.body)).toBe(200)
  return res.body
}
const putPng = (who: SignedIn, bytes: Buffer) =>
  fetch(stack.server.url + url(who, '/thumbnail'), { method: 'PUT', headers: { authorization: `Bearer ${who.session.token}`, 'content-type': 'image/png' }, body: new Uint8Array(bytes) })

describe('a room’s whiteboard', () => {
  it('merges two people’s saves element by element, and keeps a version per change', async () => {
    const owner = await createWorkspace(http)
    const ana = await addMember(http, owner)
    expect((await http.get<Board>(url(ana), ana.session.token)).body).toEqual({ roomId: 'room_meeting', version: 0, elements: [], savedAt: null, savedBy: null })

    await save(ana, [el('a', 1), el('shared', 1, { x: 1 })])
    // The owner had not seen Ana's save: their own strokes join hers, and their newer edit of the shared one wins.
    const merged = await save(owner, [el('b', 1), el('shared', 2, { x: 2 })])
    expect(merged.version).toBe(2)
    expect(merged.elements.map((e) => [e.id, e.version])).toEqual([['a', 1], ['shared', 2], ['b', 1]])
    // An older copy of the shared element loses; nothing changed, so no version is made.
    expect((await save(ana, [el('shared', 1, { x: 99 })])).version).toBe(2)
    // A deletion is a newer version like any other.
    const deleted = await save(ana, [el('a', 2, { isDeleted: true })])
    expect(deleted.elements.find((e) => e.id === 'a')?.isDeleted).toBe(true)

    const versions = (await http.get<{ versions: { version: number; elements: number; savedBy: string }[] }>(url(ana, '/versions'), ana.session.token)).body.versions
    expect(versions.map((v) => [v.version, v.elements, v.savedBy])).toEqual([[3, 2, ana.member.id], [2, 3, owner.member.id], [1, 2, ana.member.id]])
    const first = await http.get<Board>(url(ana, '/versions/1'), ana.session.token)
    expect(first.body.elements.map((e) => e.id)).toEqual(['a', 'shared'])
  })

  it(`never holds more than ${MAX_ELEMENTS} elements, which every client can load: deleted ones go first, live ones past it are refused`, async () => {
    const owner = await createWorkspace(http)
    const many = (prefix: string, n: number, changes: Partial<Element> = {}) => Array.from({ length: n }, (_, i) => el(`${prefix}${i}`, 1, changes))
    await save(owner, many('a', 3_000))
    // 2,000 of them deleted, then 3,000 more drawn: the oldest deleted ones make room.
    await save(owner, many('a', 2_000, { version: 2, isDeleted: true }))
    const grown = await save(owner, many('b', 3_000))
    expect(grown.elements).toHaveLength(MAX_ELEMENTS)
    expect(grown.elements.filter((e) => !e.isDeleted)).toHaveLength(4_000)
    // 2,000 live ones more would be 6,000 live: refused, naming the limit, and the board still loads.
    const refused = await http.call<{ message: string }>('PUT', url(owner), { token: owner.session.token, body: { elements: many('c', 2_000) } })
    expect(refused.status).toBe(413)
    expect(refused.body.message).toMatch(/more than 5000 elements/)
    const loaded = await http.get<Board>(url(owner), owner.session.token)
    expect(loaded.status).toBe(200)
    expect(loaded.body.elements.length).toBeLessThanOrEqual(MAX_ELEMENTS)
  })

  it('takes a PNG thumbnail of a board, up to 256 kB, and nothing else', async () => {
    const owner = await createWorkspace(http)
    const png = await sharp({ create: { width: 32, height: 20, channels: 3, background: '#3b5bdb' } }).png().toBuffer()
    // No board yet: nothing to show a thumbnail of.
    expect((await putPng(owner, png)).status).toBe(404)
    await save(owner, [el('a', 1)])
    expect((await putPng(owner, png)).status).toBe(204)
    const got = await fetch(stack.server.url + url(owner, '/thumbnail'), { headers: { authorization: `Bearer ${owner.session.token}` } })
    expect([got.status, got.headers.get('content-type')]).toEqual([200, 'image/png'])
    expect(Buffer.from(await got.arrayBuffer()).equals(png)).toBe(true)

    const script = await putPng(owner, Buffer.from('<script>alert(1)</script>'))
    expect([script.status, ((await script.json()) as { message: string }).message]).toEqual([415, 'a thumbnail is a PNG image'])
    const noisy = await sharp(Buffer.from(Array.from({ length: 400 * 400 * 3 }, () => Math.floor(Math.random() * 256))), { raw: { width: 400, height: 400, channels: 3 } }).png().toBuffer()
    expect(noisy.length).toBeGreaterThan(256 * 1024)
    expect((await putPng(owner, noisy)).status).toBe(413)
  })
})
