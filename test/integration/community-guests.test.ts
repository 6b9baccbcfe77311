/**
 * Guests with a timed pass (issue 13), against the real server and livekit-server, with the
 * server's clock moved by the test: a guest link refuses outside its window and says why; an open
 * event's outside guest enters only the event's room, only while it runs, and at its end is shown
 * out of LiveKit (the lobby and the room) by the server's sweeper and refused by the API.
 */
import { RoomServiceClient } from 'livekit-server-sdk'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { SignedIn } from '../../protocol/api.ts'
import { lobbyRoomName } from '../../protocol/presence.ts'
import { startClockedStack, type ClockedStack } from '../support/clocked-stack.ts'
import { addMember, createWorkspace, connectParticipant, editFloor, roomRecord, until } from '../support/factories.ts'

const MIN = 60_000
let stack: ClockedStack
let owner: SignedIn
beforeAll(async () => {
  stack = await startClockedStack()
  owner = await createWorkspace(stack.http)
})
afterAll(() => stack?.stop())

const ws = () => owner.workspace.id
const token = (who: SignedIn, room: string) => stack.http.post<{ url: string; token: string; reason?: string; message?: string }>(`/api/workspaces/${ws()}/rooms/${room}/token`, undefined, who.session.token)
const lobby = (who: SignedIn) => stack.http.post<{ url: string; token: string }>(`/api/workspaces/${ws()}/lobby/token`, undefined, who.session.token)

describe('a guest link', () => {
  it('is refused before its window opens and after it ends, saying which; inside it the guest joins with a name only', async () => {
    const start = stack.clock.now + 60 * MIN
    const made = await stack.http.post<{ code: string; url: string }>(`/api/workspaces/${ws()}/guest-links`, { roomId: 'room_meeting', startsAt: start, endsAt: start + 60 * MIN }, owner.session.token)
    expect(made.status).toBe(201)
    expect(made.body.url).toMatch(/\/#\/guest\/[A-Za-z0-9_-]+$/)
    const code = made.body.code
    // The page may show what it opens and when, before it opens.
    expect((await stack.http.get(`/api/guest-links/${code}`)).body).toMatchObject({ roomName: 'Meeting room', startsAt: start })

    const early = await stack.http.post<{ message: string; reason: string }>(`/api/guest-links/${code}/join`, { name: 'Early Eve' })
    expect(early.status).toBe(403)
    expect(early.body).toMatchObject({ reason: 'not-yet', message: expect.stringMatching(/opens at/) })

    stack.clock.now = start + 60 * MIN
    const late = await stack.http.post<{ message: string }>(`/api/guest-links/${code}/join`, { name: 'Late Lou' })
    expect(late.status).toBe(410)
    expect(late.body.message).toMatch(/ended at/)
    expect((await stack.http.get(`/api/guest-links/${code}`)).status).toBe(410)

    stack.clock.now = start + 30 * MIN
    const joined = await stack.http.post<SignedIn>(`/api/guest-links/${code}/join`, { name: 'Gail Guest' })
    expect(joined.status).toBe(201)
    expect(joined.body.member).toMatchObject({ name: 'Gail Guest', role: 'guest' })
    expect((await token(joined.body, 'room_meeting')).status).toBe(200)
    expect((await token(joined.body, 'room_lounge')).status).toBe(403)
    // A guest sees no channels, groups, nor guest links.
    expect((await stack.http.get(`/api/workspaces/${ws()}/groups`, joined.body.session.token)).status).toBe(403)
    const convs = await stack.http.get<{ conversations: { kind: string }[] }>(`/api/workspaces/${ws()}/chat/conversations`, joined.body.session.token)
    expect(convs.body.conversations.filter((c) => c.kind === 'channel')).toEqual([])
    expect((await stack.http.get(`/api/workspaces/${ws()}/guest-links`, joined.body.session.token)).status).toBe(403)

    // The window's end ends their session at once, before any sweep.
    stack.clock.now = start + 60 * MIN
    expect((await lobby(joined.body)).status).toBe(401)
    await until(async () => (await stack.app.store.listMembers(ws())).every((m) => m.id !== joined.body.member.id), 'the guest removed at the window’s end')
  })

  it('is refused with a clear error for a window that ends before it starts, or a room that does not exist', async () => {
    const now = stack.clock.now
    const bad = await stack.http.post<{ field: string }>(`/api/workspaces/${ws()}/guest-links`, { roomId: 'room_meeting', startsAt: now + MIN, endsAt: now }, owner.session.token)
    expect([bad.status, bad.body.field]).toEqual([400, 'endsAt'])
    const nowhere = await stack.http.post<{ field: string }>(`/api/workspaces/${ws()}/guest-links`, { roomId: 'room_nowhere', startsAt: now, endsAt: now + MIN }, owner.session.token)
    expect([nowhere.status, nowhere.body.field]).toEqual([400, 'roomId'])
  })
})

describe('guest links of a company admin', () => {
  it('open their company’s rooms only; other members make none', async () => {
    const [admin, other] = [await addMember(stack.http, owner), await addMember(stack.http, owner)]
    await stack.app.store.createCompany(ws(), { id: 'co_acme', name: 'Acme Ltd', createdAt: stack.clock.now })
    await stack.app.store.setCompanyMember(ws(), 'co_acme', admin.member.id, true)
    await stack.app.store.setCompanyMember(ws(), 'co_acme', other.member.id, false)
    await editFloor(stack.http, owner, [{ op: 'room.add', room: roomRecord('room_acme', { x: 300, companyId: 'co_acme' }) }])
    const link = (who: SignedIn, roomId: string) =>
      stack.http.post(`/api/workspaces/${ws()}/guest-links`, { roomId, startsAt: stack.clock.now, endsAt: stack.clock.now + 60 * MIN }, who.session.token)
    expect((await link(admin, 'room_acme')).status).toBe(201)
    expect((await link(admin, 'room_meeting')).status).toBe(403)
    expect((await link(other, 'room_acme')).status).toBe(403)
    const listed = await stack.http.get<{ links: { roomId: string }[] }>(`/api/workspaces/${ws()}/guest-links`, admin.session.token)
    expect(listed.body.links.map((l) => l.roomId)).toEqual(['room_acme'])
  })
})

describe('an open event link', () => {
  it('lets an outside guest into the event room only, only while it runs, and removes them from LiveKit and the API at its end', async () => {
    const service = new RoomServiceClient(stack.livekit.httpUrl, stack.livekit.apiKey, stack.livekit.apiSecret)
    const startsAt = stack.clock.now + 10 * MIN
    const endsAt = startsAt + 60 * MIN
    const event = await stack.http.post<{ id: string }>(`/api/workspaces/${ws()}/events`, { title: 'Open house', roomId: 'room_lounge', startsAt, endsAt, capacity: 20 }, owner.session.token)
    expect(event.status).toBe(201)
    const published = await stack.http.post<{ publicUrl: string }>(`/api/workspaces/${ws()}/events/${event.body.id}/publish`, undefined, owner.session.token)
    const code = /#\/event\/([A-Za-z0-9_-]+)$/.exec(published.body.publicUrl)![1]!
    expect((await stack.http.get(`/api/public/events/${code}`)).body).toMatchObject({ title: 'Open house', roomName: 'Lounge', seatsLeft: 20 })

    // Signing up before it starts is fine; the room stays shut until it does.
    const joined = await stack.http.post<SignedIn>(`/api/public/events/${code}/join`, { name: 'Olga Outside', email: 'olga@outside.example' })
    expect(joined.status).toBe(201)
    const guest = joined.body
    expect(guest.member.role).toBe('guest')
    expect(await stack.app.store.guestPass(ws(), guest.member.id)).toMatchObject({ email: 'olga@outside.example', startsAt, endsAt })
    const before = await token(guest, 'room_lounge')
    expect([before.status, before.body.reason]).toEqual([403, 'not-yet'])

    stack.clock.now = startsAt + MIN
    const inRoom = await token(guest, 'room_lounge')
    expect(inRoom.status).toBe(200)
    expect((await token(guest, 'room_meeting')).status).toBe(403)
    const lobbyToken = await lobby(guest)
    const rooms = [await connectParticipant(lobbyToken.body.url, lobbyToken.body.token), await connectParticipant(inRoom.body.url, inRoom.body.token)]
    const disconnected = rooms.map((r) => new Promise<void>((resolve) => r.once('disconnected', () => resolve())))
    const inLiveKit = async (room: string) => (await service.listParticipants(room).catch(() => [])).some((p) => p.identity === guest.member.id)
    await until(async () => (await inLiveKit(`${ws()}.room_lounge`)) && (await inLiveKit(lobbyRoomName(ws()))), 'the guest in the lounge and the lobby')

    // The end: nobody asks anything; the sweeper notices and shows them out.
    stack.clock.now = endsAt
    await Promise.all(disconnected)
    await until(async () => !(await inLiveKit(`${ws()}.room_lounge`)) && !(await inLiveKit(lobbyRoomName(ws()))), 'the guest gone from LiveKit')
    expect((await lobby(guest)).status).toBe(401)
    expect((await token(guest, 'room_lounge')).status).toBe(401)
    await until(async () => (await stack.app.store.getEvent(ws(), event.body.id))?.attendees.includes(guest.member.id) === false, 'the guest gone from the event')
    // Nothing of them is left: no member, no account.
    await until(async () => (await stack.app.store.findAccountByEmail(`${guest.member.id}@guests.invalid`)) === null, 'the guest’s account gone')
    expect((await stack.http.get(`/api/public/events/${code}`)).status).toBe(410)
    await Promise.all(rooms.map((r) => r.disconnect()))
  })
})
