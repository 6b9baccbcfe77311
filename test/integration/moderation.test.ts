/**
 * Moderation inside a room, with the real livekit-server and a server clock the test moves: a host
 * mutes someone's microphone and the others see it muted; a host removes someone, who is shown out,
 * refused at the door for 5 minutes with the reason and who did it, and let in after; someone
 * removed who joins again with a token from before is shown out again by the webhook; a room locked
 * while people are inside keeps them and shuts its door on the rest.
 */
import { AudioSource, DisconnectReason, LocalAudioTrack, Room, RoomEvent, TrackPublishOptions, TrackSource, type RemoteParticipant, type TrackPublication } from '@livekit/rtc-node'
import { describe, expect, it } from 'vitest'
import type { RoomToken, SignedIn } from '../../protocol/api.ts'
import { mediaRoomName } from '../../protocol/presence.ts'
import { startClockedStack } from '../support/clocked-stack.ts'
import { addMember, createWorkspace, occupantsOf, until } from '../support/factories.ts'
import { dropped, roomSuite } from '../support/room-suite.ts'

const MINUTE = 60_000

describe('moderation in a room', () => {
  const suite = roomSuite(startClockedStack, (stack) => stack.url)
  const { http, enter } = suite

  const path = (who: SignedIn, roomId: string, what: string) => `/api/workspaces/${who.workspace.id}/rooms/${roomId}/${what}`
  const tokenFor = (who: SignedIn, roomId: string) => http.post<RoomToken & { reason?: string; message?: string; until?: number }>(path(who, roomId, 'token'), undefined, who.session.token)
  const office = async () => {
    const owner = await createWorkspace(http)
    const host = await addMember(http, owner, 'host')
    await http.call('PATCH', '/api/me', { token: host.session.token, body: { name: 'Hana' } })
    return { owner, host, ana: await addMember(http, owner), bo: await addMember(http, owner) }
  }

  it('a host mutes a microphone: the others see it muted; someone not in the room cannot be muted', async () => {
    const { host, ana, bo } = await office()
    const hostIn = await enter(host, 'room_meeting')
    const anaIn = await enter(ana, 'room_meeting')
    const options = new TrackPublishOptions()
    options.source = TrackSource.SOURCE_MICROPHONE
    const published = new Promise<void>((resolve) => hostIn.on(RoomEvent.TrackPublished, (_p, who: RemoteParticipant) => who.identity === ana.member.id && resolve()))
    await anaIn.localParticipant!.publishTrack(LocalAudioTrack.createAudioTrack('mic', new AudioSource(48_000, 1)), options)
    await published
    const mutedAtHost = new Promise<string>((resolve) => hostIn.on(RoomEvent.TrackMuted, (pub: TrackPublication, who) => pub.source === TrackSource.SOURCE_MICROPHONE && resolve(who.identity)))

    const res = await http.post(path(host, 'room_meeting', 'mute'), { memberId: ana.member.id }, host.session.token)
    expect(res.status, JSON.stringify(res.body)).toBe(204)
    expect(await mutedAtHost).toBe(ana.member.id)

    const absent = await http.post<{ message: string }>(path(host, 'room_meeting', 'mute'), { memberId: bo.member.id }, host.session.token)
    expect(absent.status).toBe(409)
    expect(absent.body.message).toMatch(/is not in Meeting room/)
    // A plain member does not mute others.
    expect((await http.post(path(bo, 'room_meeting', 'mute'), { memberId: ana.member.id }, bo.session.token)).status).toBe(403)
  })

  it('a host removes someone: shown out, refused for 5 minutes saying who and how long, then let in', async () => {
    const { host, ana } = await office()
    await enter(host, 'room_lounge')
    const anaIn = await enter(ana, 'room_lounge')
    const out = dropped(anaIn)

    const removal = await http.post<{ until: number }>(path(host, 'room_lounge', 'removals'), { memberId: ana.member.id }, host.session.token)
    expect(removal.status, JSON.stringify(removal.body)).toBe(200)
    expect(removal.body.until).toBe(suite.stack().clock.now + 5 * MINUTE)
    expect(await out).toBe(DisconnectReason.PARTICIPANT_REMOVED)
    await until(async () => !(await occupantsOf(http, host, 'room_lounge')).includes(ana.member.id), 'Ana out of the lounge')

    const refused = await tokenFor(ana, 'room_lounge')
    expect(refused.status).toBe(403)
    expect(refused.body).toMatchObject({ reason: 'removed', message: 'Hana removed you from Lounge; you can come back in 5 minutes', until: removal.body.until })
    // Other rooms stay open to them.
    expect((await tokenFor(ana, 'room_meeting')).status).toBe(200)
    suite.stack().clock.now += 4 * MINUTE + 30_000
    expect((await tokenFor(ana, 'room_lounge')).body.message).toBe('Hana removed you from Lounge; you can come back in 1 minute')
    suite.stack().clock.now += 30_000
    expect((await tokenFor(ana, 'room_lounge')).status).toBe(200)
  })

  it('someone removed who joins again with a token from before is shown out again', async () => {
    const { host, ana } = await office()
    const earlier = await tokenFor(ana, 'room_lounge')
    expect(earlier.status).toBe(200)
    expect((await http.post(path(host, 'room_lounge', 'removals'), { memberId: ana.member.id }, host.session.token)).status).toBe(200)

    const room = new Room()
    suite.keep(room)
    const out = dropped(room)
    await room.connect(earlier.body.url, earlier.body.token, { autoSubscribe: false, dynacast: false })
    expect(await out).toBe(DisconnectReason.PARTICIPANT_REMOVED)
  })

  it('nobody removes themselves, the workspace owner or the room owner; a plain member removes nobody', async () => {
    const { owner, host, ana, bo } = await office()
    expect((await http.post(path(host, 'room_lounge', 'removals'), { memberId: host.member.id }, host.session.token)).status).toBe(400)
    expect((await http.post(path(host, 'room_lounge', 'removals'), { memberId: owner.member.id }, host.session.token)).status).toBe(403)
    expect((await http.post(path(ana, 'room_lounge', 'removals'), { memberId: bo.member.id }, ana.session.token)).status).toBe(403)
    expect((await tokenFor(bo, 'room_lounge')).status).toBe(200)
  })

  it('a room locked while people are inside keeps them, shuts the door on the rest, and opens it again', async () => {
    const { host, ana, bo } = await office()
    const [hostIn, anaIn] = [await enter(host, 'room_meeting'), await enter(ana, 'room_meeting')]

    const locked = await http.call<{ version: number }>('PUT', path(host, 'room_meeting', 'locked'), { token: host.session.token, body: { locked: true } })
    expect(locked.status, JSON.stringify(locked.body)).toBe(200)
    // Nobody was shown out: LiveKit still has both, and Ana may rejoin after a drop.
    expect((await suite.stack().app.rooms.participants(mediaRoomName(host.workspace.id, 'room_meeting'))).sort()).toEqual([ana.member.id, host.member.id].sort())
    expect([hostIn.isConnected, anaIn.isConnected]).toEqual([true, true])
    expect((await tokenFor(ana, 'room_meeting')).status).toBe(200)
    const shut = await tokenFor(bo, 'room_meeting')
    expect([shut.status, shut.body.reason]).toEqual([403, 'locked'])
    // Ana is inside but neither a host nor the room's owner.
    expect((await http.call('PUT', path(ana, 'room_meeting', 'locked'), { token: ana.session.token, body: { locked: false } })).status).toBe(403)

    const unlocked = await http.call<{ version: number }>('PUT', path(host, 'room_meeting', 'locked'), { token: host.session.token, body: { locked: false } })
    expect(unlocked.body.version).toBe(locked.body.version + 1)
    expect((await tokenFor(bo, 'room_meeting')).status).toBe(200)
  })
})
