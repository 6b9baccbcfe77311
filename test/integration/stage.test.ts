/**
 * Stage rooms with the real livekit-server: only speakers publish. The audience's tokens let them
 * listen and send data (raised hands), not publish; hosts and the room's owner speak by standing.
 * Brought on stage, someone in the room publishes at once (LiveKit's permissions are updated in
 * place), and the next token keeps them on stage; taken off, their tracks go, and a token from
 * their time on stage joins as a listener. A speaker who leaves
 * stays one for a rejoin within a minute (moved on the server's clock), not after.
 */
import { AudioSource, LocalAudioTrack, RoomEvent, TrackPublishOptions, TrackSource, type RemoteParticipant } from '@livekit/rtc-node'
import { RoomServiceClient, TokenVerifier } from 'livekit-server-sdk'
import { describe, expect, it } from 'vitest'
import type { RoomToken, SignedIn } from '../../protocol/api.ts'
import { mediaRoomName } from '../../protocol/presence.ts'
import { startClockedStack } from '../support/clocked-stack.ts'
import { addMember, connectParticipant, createWorkspace, editFloor, occupantsOf, roomRecord, until } from '../support/factories.ts'
import { roomSuite } from '../support/room-suite.ts'

const STAGE = 'room_stage'

describe('stage rooms', () => {
  const suite = roomSuite(startClockedStack, (stack) => stack.url)
  const { http } = suite

  const office = async () => {
    const owner = await createWorkspace(http)
    const [host, speaker, ana] = [await addMember(http, owner, 'host'), await addMember(http, owner), await addMember(http, owner)]
    await editFloor(http, owner, [{ op: 'room.add', room: roomRecord(STAGE, { name: 'Stage', kind: 'stage', capacity: 200, ownerId: speaker.member.id }) }])
    return { owner, host, speaker, ana }
  }
  const tokenFor = async (who: SignedIn) => {
    const res = await http.post<RoomToken>(`/api/workspaces/${who.workspace.id}/rooms/${STAGE}/token`, undefined, who.session.token)
    expect(res.status, JSON.stringify(res.body)).toBe(200)
    return res.body
  }
  const grants = async (who: SignedIn) => (await new TokenVerifier(suite.stack().livekit.apiKey, suite.stack().livekit.apiSecret).verify((await tokenFor(who)).token)).video
  const join = async (who: SignedIn) => {
    const token = await tokenFor(who)
    const room = await connectParticipant(token.url, token.token)
    suite.keep(room)
    return room
  }
  const speakers = (by: SignedIn, who: SignedIn, method: 'POST' | 'DELETE') =>
    http.call(method, `/api/workspaces/${by.workspace.id}/rooms/${STAGE}/speakers/${who.member.id}`, { token: by.session.token })
  const microphone = () => {
    const options = new TrackPublishOptions()
    options.source = TrackSource.SOURCE_MICROPHONE
    return { track: LocalAudioTrack.createAudioTrack('mic', new AudioSource(48_000, 1)), options }
  }

  it("gives the audience listening and data, and publishing to hosts and the room's owner", async () => {
    const { owner, host, speaker, ana } = await office()
    const audience = { canPublish: false, canPublishSources: [], canSubscribe: true, canPublishData: true, canUpdateOwnMetadata: false }
    expect(await grants(ana)).toMatchObject(audience)
    for (const who of [owner, host, speaker]) {
      expect(await grants(who)).toMatchObject({ canPublish: true, canPublishSources: ['camera', 'microphone', 'screen_share', 'screen_share_audio'], canSubscribe: true })
    }
    // Everywhere else everyone publishes.
    const meeting = await http.post<RoomToken>(`/api/workspaces/${ana.workspace.id}/rooms/room_meeting/token`, undefined, ana.session.token)
    expect(await new TokenVerifier(suite.stack().livekit.apiKey, suite.stack().livekit.apiSecret).verify(meeting.body.token)).toMatchObject({ video: { canPublish: true } })
  })

  it('someone brought on stage publishes at once and keeps it in their next token; taken off, their microphone goes', async () => {
    const { host, ana } = await office()
    const hostIn = await join(host)
    const anaIn = await join(ana)
    const mic = microphone()
    await expect(anaIn.localParticipant!.publishTrack(mic.track, mic.options)).rejects.toThrow()

    expect((await speakers(host, ana, 'POST')).status).toBe(204)
    const service = new RoomServiceClient(suite.stack().livekit.httpUrl, suite.stack().livekit.apiKey, suite.stack().livekit.apiSecret)
    expect((await service.getParticipant(mediaRoomName(host.workspace.id, STAGE), ana.member.id)).permission?.canPublish).toBe(true)
    const heard = new Promise<void>((resolve) => hostIn.on(RoomEvent.TrackPublished, (_p, who: RemoteParticipant) => who.identity === ana.member.id && resolve()))
    const again = microphone()
    await anaIn.localParticipant!.publishTrack(again.track, again.options)
    await heard
    expect(await grants(ana)).toMatchObject({ canPublish: true })

    const gone = new Promise<void>((resolve) => hostIn.on(RoomEvent.TrackUnpublished, (_p, who: RemoteParticipant) => who.identity === ana.member.id && resolve()))
    expect((await speakers(host, ana, 'DELETE')).status).toBe(204)
    await gone
    expect(await grants(ana)).toMatchObject({ canPublish: false })
  })

  it('someone taken off stage who joins with a token from their time on it listens', async () => {
    const { host, ana } = await office()
    expect((await speakers(host, ana, 'POST')).status).toBe(204)
    const earlier = await tokenFor(ana)
    expect((await speakers(host, ana, 'DELETE')).status).toBe(204)

    const anaIn = await connectParticipant(earlier.url, earlier.token)
    suite.keep(anaIn)
    const service = new RoomServiceClient(suite.stack().livekit.httpUrl, suite.stack().livekit.apiKey, suite.stack().livekit.apiSecret)
    await until(async () => (await service.getParticipant(mediaRoomName(host.workspace.id, STAGE), ana.member.id)).permission?.canPublish === false, 'Ana made a listener')
    const mic = microphone()
    await expect(anaIn.localParticipant!.publishTrack(mic.track, mic.options)).rejects.toThrow()
  })

  it('only hosts and the room owner bring people on stage; hosts and the owner cannot be taken off; other rooms have no stage', async () => {
    const { owner, host, speaker, ana } = await office()
    expect((await speakers(ana, owner, 'POST')).status).toBe(403)
    expect((await speakers(speaker, ana, 'POST')).status).toBe(204)
    expect((await speakers(host, speaker, 'DELETE')).status).toBe(400)
    const meeting = await http.call<{ message: string }>('POST', `/api/workspaces/${host.workspace.id}/rooms/room_meeting/speakers/${ana.member.id}`, { token: host.session.token })
    expect([meeting.status, meeting.body.message]).toEqual([400, 'Meeting room is not a stage: everyone speaks there'])
  })

  it('a speaker who leaves stays on stage for a rejoin within a minute, and listens when back later', async () => {
    const { host, ana } = await office()
    expect((await speakers(host, ana, 'POST')).status).toBe(204)
    const anaIn = await join(ana)
    await until(async () => (await occupantsOf(http, host, STAGE)).includes(ana.member.id), 'Ana on the stage')
    await anaIn.disconnect()
    // The leave webhook marks the grace before it refreshes the occupancy.
    await until(async () => !(await occupantsOf(http, host, STAGE)).includes(ana.member.id), 'Ana gone from the stage')
    suite.stack().clock.now += 50_000
    expect(await grants(ana)).toMatchObject({ canPublish: true })
    suite.stack().clock.now += 20_000
    expect(await grants(ana)).toMatchObject({ canPublish: false })
  })
})
