/**
 * The media room: the second LiveKit connection, to `<workspace>.<room>`, opened when the avatar
 * walks into a room and closed when it walks out. Camera and microphone are acquired once and
 * re-published on every room switch (never re-acquired), and a room's token is fetched while the
 * avatar is still walking towards it, so entering costs one connect.
 */
import {
  createLocalTracks, DisconnectReason, Room, RoomEvent, Track, VideoPresets, type LocalTrack, type Participant,
} from 'livekit-client'
import type { RoomToken } from '../../protocol/api.ts'
import type { MediaStore, Tile } from '../stores/media/store.ts'
import type { Api } from './api.ts'
import { connectOptions } from './livekit-options.ts'
import { createRoomQueue } from './room-queue.ts'

export interface MediaRoomDeps {
  api: Api
  workspaceId: string
  media: MediaStore
}

export interface MediaRooms {
  /** Fetches a room's token ahead of time (the avatar is approaching its door). */
  prefetch(roomId: string): void
  /** Enters `roomId`, or leaves every room with null. Transitions are queued in order. */
  go(roomId: string | null, startedAt?: number): Promise<void>
  setMic(on: boolean): Promise<void>
  setCamera(on: boolean): Promise<void>
  dispose(): Promise<void>
}

/**
 * A call does not try LiveKit's resume: a lost call is joined afresh with a new token
 * (floor-changes.ts rejoins while the avatar is in the room). After LiveKit restarted, a resume
 * could leave a call connected but silent, and livekit-client's default schedule could keep it
 * frozen for 40 s first; a fresh join keeps the camera and microphone tracks and takes about 1 s.
 */
const MEDIA_RECONNECTS = { nextRetryDelayInMs: () => null }

/** Room tokens live 10 minutes; reuse a prefetched one for a little less than that. */
const TOKEN_REUSE_MS = 5 * 60_000

export function createMediaRooms(deps: MediaRoomDeps): MediaRooms {
  const { media } = deps
  const queue = createRoomQueue()
  const tokens = new Map<string, { at: number; token: Promise<RoomToken> }>()
  let room: Room | null = null
  let roomId: string | null = null
  let local: LocalTrack[] | null = null

  const prefetch = (id: string) => {
    const cached = tokens.get(id)
    if (cached && Date.now() - cached.at < TOKEN_REUSE_MS) return cached.token
    const token = deps.api.roomToken(deps.workspaceId, id)
    tokens.set(id, { at: Date.now(), token })
    token.catch(() => tokens.delete(id))
    return token
  }

  const localTracks = async () => {
    if (!local) {
      local = await createLocalTracks({
        audio: { echoCancellation: true, noiseSuppression: true },
        video: { resolution: VideoPresets.h360.resolution },
      })
    }
    return local
  }

  const tileOf = (p: Participant, isLocal: boolean): Tile => {
    const video = p.getTrackPublication(Track.Source.Camera)
    const audio = p.getTrackPublication(Track.Source.Microphone)
    return {
      identity: p.identity,
      name: p.name || p.identity,
      local: isLocal,
      video: video?.track && !video.isMuted ? video.track : null,
      audio: isLocal ? null : (audio?.track ?? null),
      micMuted: audio ? audio.isMuted : true,
      speaking: p.isSpeaking,
    }
  }

  const refreshTiles = () => {
    if (!room) return
    const tiles = [tileOf(room.localParticipant, true), ...[...room.remoteParticipants.values()].map((p) => tileOf(p, false))]
    media.getState().setTiles(tiles)
  }

  const leave = async () => {
    const r = room
    room = null
    roomId = null
    if (r) await r.disconnect(false) // keep camera and microphone running for the next room
    media.getState().setPhase('idle', null)
  }

  const enter = async (id: string, startedAt: number) => {
    media.getState().setPhase('connecting', id)
    const tracksReady = localTracks()
    try {
      const { url, token } = await prefetch(id)
      tokens.delete(id) // a token is good for one join; the next visit fetches a fresh one
      const r = new Room({ adaptiveStream: true, dynacast: true, stopLocalTrackOnUnpublish: false, disconnectOnPageLeave: true, reconnectPolicy: MEDIA_RECONNECTS })
      for (const event of [
        RoomEvent.ParticipantConnected, RoomEvent.ParticipantDisconnected, RoomEvent.TrackSubscribed, RoomEvent.TrackUnsubscribed,
        RoomEvent.TrackMuted, RoomEvent.TrackUnmuted, RoomEvent.LocalTrackPublished, RoomEvent.LocalTrackUnpublished, RoomEvent.ActiveSpeakersChanged,
      ] as const) {
        r.on(event, refreshTiles)
      }
      r.on(RoomEvent.Disconnected, (reason?: DisconnectReason) => {
        if (room === r) {
          room = null
          roomId = null
          // Shown out by the server (the room was removed or made smaller): say so, so the avatar leaves
          // too. Lost for another reason (LiveKit restarted and its own resume gave up): say so, so the
          // call is joined again while the avatar is still in the room.
          const removed = reason === DisconnectReason.PARTICIPANT_REMOVED || reason === DisconnectReason.ROOM_DELETED
          const lost = !removed && reason !== DisconnectReason.CLIENT_INITIATED && reason !== DisconnectReason.DUPLICATE_IDENTITY
          media.getState().setPhase('idle', null, removed ? `removed:${id}` : lost ? `lost:${id}` : null)
        }
      })
      room = r
      roomId = id
      const connectStart = performance.now()
      await r.connect(url, token, connectOptions(url))
      const connected = performance.now()
      // Entry timings as performance measures: `npm run bench` reads them, and so can DevTools.
      performance.measure('office:room-connect', { start: connectStart, end: connected })
      performance.measure('office:room-entry', { start: startedAt, end: connected })
      media.getState().setPhase('connected', id)
      refreshTiles()
      const { micOn, camOn } = media.getState()
      for (const track of await tracksReady) {
        if (room !== r) return
        const wanted = track.kind === Track.Kind.Audio ? micOn : camOn
        await r.localParticipant.publishTrack(track, track.kind === Track.Kind.Video ? { simulcast: false } : {})
        if (!wanted) await track.mute()
      }
      refreshTiles()
    } catch (err) {
      if (roomId === id) {
        room = null
        roomId = null
      }
      media.getState().setPhase('failed', id, (err as Error).message)
      throw err
    }
  }

  return {
    prefetch: (id) => void prefetch(id).catch(() => undefined),
    go(target, startedAt = performance.now()) {
      return queue.run(async () => {
        if (target === roomId) return
        if (room) await leave()
        if (target) await enter(target, startedAt)
      })
    },
    async setMic(on) {
      media.getState().setDevices({ micOn: on })
      const track = local?.find((t) => t.kind === Track.Kind.Audio)
      if (track) await (on ? track.unmute() : track.mute())
      refreshTiles()
    },
    async setCamera(on) {
      media.getState().setDevices({ camOn: on })
      const track = local?.find((t) => t.kind === Track.Kind.Video)
      if (track) await (on ? track.unmute() : track.mute())
      refreshTiles()
    },
    async dispose() {
      await queue.run(leave)
      for (const t of local ?? []) t.stop()
      local = null
    },
  }
}
