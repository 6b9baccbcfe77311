/**
 * Connect before the door (issue 11), with the real livekit-server: resting on a room joins it as
 * a preview, hidden, sending nothing, and not counted in the room; it may subscribe (the app holds
 * its subscriptions disabled until the click: e2e door-preview). Entering reveals it in one server
 * call: the people inside see the newcomer arrive, and it may publish. The door's rules hold for a preview as for a token (and a preview never
 * takes the last place); one that lingers unentered is shown out by the server.
 */
import { AudioSource, DisconnectReason, LocalAudioTrack, Room, RoomEvent, TrackPublishOptions, TrackSource, type RemoteParticipant } from '@livekit/rtc-node'
import { RoomServiceClient } from 'livekit-server-sdk'
import { describe, expect, it } from 'vitest'
import type { RoomToken, SignedIn } from '../../protocol/api.ts'
import { mediaRoomName } from '../../protocol/presence.ts'
import { startClockedStack } from '../support/clocked-stack.ts'
import { addMember, createWorkspace, editFloor, occupantsOf, roomRecord, until } from '../support/factories.ts'
import { dropped, roomSuite } from '../support/room-suite.ts'

/** Short, so that the lingering preview is shown out within the test. */
const PREVIEW_MAX_MS = 5_000

describe('looking in at the door', () => {
  const suite = roomSuite(() => startClockedStack({ previewMaxMs: PREVIEW_MAX_MS }), (stack) => stack.url)
  const { http } = suite
  const service = () => new RoomServiceClient(suite.stack().livekit.httpUrl, suite.stack().livekit.apiKey, suite.stack().livekit.apiSecret)

  const ask = (who: SignedIn, room: string, what: 'preview' | 'enter' | 'token') =>
    http.post<RoomToken & { reason?: string; message?: string }>(`/api/workspaces/${who.workspace.id}/rooms/${room}/${what}`, undefined, who.session.token)
  /** Joins with a token of `what` kind, subscribing to whatever it may (as the app does). */
  const join = async (who: SignedIn, room: string, what: 'preview' | 'token') => {
    const res = await ask(who, room, what)
    expect(res.status, JSON.stringify(res.body)).toBe(200)
    const lk = new Room()
    await lk.connect(res.body.url, res.body.token, { autoSubscribe: true, dynacast: false })
    return suite.keep(lk)
  }
  const microphone = () => {
    const options = new TrackPublishOptions()
    options.source = TrackSource.SOURCE_MICROPHONE
    return { track: LocalAudioTrack.createAudioTrack('mic', new AudioSource(48_000, 1)), options }
  }

  it('a preview is hidden and sends nothing; entering reveals it to the people inside and lets it publish', async () => {
    const owner = await createWorkspace(http)
    const ana = await addMember(http, owner)
    const inside = await join(owner, 'room_meeting', 'token')
    const ownerMic = microphone()
    await inside.localParticipant!.publishTrack(ownerMic.track, ownerMic.options)
    await until(async () => (await occupantsOf(http, owner, 'room_meeting')).includes(owner.member.id), 'the owner inside')

    let revealed = false
    let seenEarly = false
    const arrived = new Promise<RemoteParticipant>((resolve) =>
      inside.on(RoomEvent.ParticipantConnected, (p: RemoteParticipant) => {
        if (p.identity !== ana.member.id) return
        seenEarly ||= !revealed
        resolve(p)
      }),
    )
    const looking = await join(ana, 'room_meeting', 'preview')

    // In LiveKit as a preview: hidden, nothing to send. Nobody inside sees it, and the floor does not count it.
    const name = mediaRoomName(owner.workspace.id, 'room_meeting')
    expect((await service().getParticipant(name, ana.member.id)).permission).toMatchObject({ hidden: true, canSubscribe: true, canPublish: false, canPublishData: false })
    expect([...inside.remoteParticipants.values()].map((p) => p.identity)).not.toContain(ana.member.id)
    // Someone else walking in makes the server read LiveKit's list again (which holds the preview): still not counted.
    const cy = await addMember(http, owner)
    await suite.enter(cy, 'room_meeting')
    expect((await occupantsOf(http, owner, 'room_meeting')).sort()).toEqual([owner.member.id, cy.member.id].sort())

    // The click: one call, and Ana is in.
    revealed = true
    const entered = await ask(ana, 'room_meeting', 'enter')
    expect(entered.status, JSON.stringify(entered.body)).toBe(204)
    expect((await arrived).identity).toBe(ana.member.id)
    expect(seenEarly, 'the owner saw Ana before she entered').toBe(false)
    await until(async () => (await occupantsOf(http, owner, 'room_meeting')).includes(ana.member.id), 'Ana inside by the server\'s occupancy')
    // Inside now: entering again is not an entry (no second visit), and there is no preview to make.
    expect((await ask(ana, 'room_meeting', 'enter')).body.reason).toBe('not-previewing')
    expect((await ask(ana, 'room_meeting', 'preview')).body.reason).toBe('inside')
    const published = new Promise<void>((resolve) => inside.on(RoomEvent.TrackPublished, (_pub, who: RemoteParticipant) => who.identity === ana.member.id && resolve()))
    const mic = microphone()
    await looking.localParticipant!.publishTrack(mic.track, mic.options)
    await published
  })

  it('asks the door as a token does, never takes the last place, and gives way to someone walking in', async () => {
    const owner = await createWorkspace(http)
    const [host, ana] = [await addMember(http, owner, 'host'), await addMember(http, owner)]
    await editFloor(http, owner, [
      { op: 'room.add', room: roomRecord('room_locked', { locked: true }) },
      { op: 'room.add', room: roomRecord('room_pair', { capacity: 2 }) },
    ])
    // Locked: refused as the token is, with the same reason.
    const locked = await ask(ana, 'room_locked', 'preview')
    expect([locked.status, locked.body.reason]).toEqual([403, 'locked'])

    // A pair with one inside: Ana could still walk in, but not look in first (it would take the last place).
    await suite.enter(host, 'room_pair')
    const last = await ask(ana, 'room_pair', 'preview')
    expect([last.status, last.body.reason]).toEqual([409, 'full'])
    expect((await ask(ana, 'room_pair', 'token')).status).toBe(200)

    // LiveKit counts previews against the capacity: in a room for three with one inside, one
    // preview leaves a place for someone walking in; a second would not, and is refused.
    await editFloor(http, owner, [{ op: 'room.add', room: roomRecord('room_three', { x: 100, capacity: 3 }) }])
    const bo = await addMember(http, owner)
    await suite.enter(host, 'room_three')
    const anaLooking = await join(ana, 'room_three', 'preview')
    const second = await ask(bo, 'room_three', 'preview')
    expect([second.status, second.body.reason]).toEqual([409, 'full'])
    // The place left is real: Bo walks in.
    await suite.enter(bo, 'room_three')
    // Now LiveKit holds three (the host, Ana's preview, Bo), and the door still lets a third person
    // in: Cy's token shows Ana's preview out, and he gets in.
    const shownOut = dropped(anaLooking)
    const cy = await addMember(http, owner)
    await suite.enter(cy, 'room_three')
    expect(await shownOut).toBe(DisconnectReason.PARTICIPANT_REMOVED)
    expect((await occupantsOf(http, owner, 'room_three')).length).toBe(3)

    // In the room already (another window): no preview, which would replace that participant unseen.
    const inside = await ask(host, 'room_pair', 'preview')
    expect([inside.status, inside.body.reason]).toEqual([409, 'inside'])

    // Removed from a room: no preview of it either.
    const hostIn = await suite.enter(host, 'room_meeting')
    await join(ana, 'room_meeting', 'token')
    expect((await http.post(`/api/workspaces/${owner.workspace.id}/rooms/room_meeting/removals`, { memberId: ana.member.id }, host.session.token)).status).toBe(200)
    const removed = await ask(ana, 'room_meeting', 'preview')
    expect([removed.status, removed.body.reason]).toEqual([403, 'removed'])
    void hostIn
  })

  it('entering without a preview in the room says so, so that the client fetches a token', async () => {
    const owner = await createWorkspace(http)
    const res = await ask(owner, 'room_meeting', 'enter')
    expect([res.status, res.body.reason]).toEqual([409, 'not-previewing'])
    expect(res.body.message).toMatch(/^no preview of .+; fetch a token$/)
  })

  it('shows out a preview that lingers unentered', async () => {
    const owner = await createWorkspace(http)
    const looking = await join(owner, 'room_meeting', 'preview')
    const reason = await dropped(looking)
    expect(reason).toBe(DisconnectReason.PARTICIPANT_REMOVED)
    expect(await occupantsOf(http, owner, 'room_meeting')).toEqual([])
  })
})
