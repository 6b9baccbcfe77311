/**
 * The media rooms: the second LiveKit connection, to `<workspace>.<room>`, for the room the avatar
 * is in. Switching rooms is make-before-break: the next room connects while the old one still
 * plays, then the member's tracks move over and the old room is dropped; only the active room's
 * audio is ever rendered (store.room), and the member's tracks are published in one room at a
 * time, so nothing is heard twice. Camera and microphone are kept across rooms (local-tracks.ts).
 */
import { publishWhenAllowed } from './permissions.ts'
import { DisconnectReason, ParticipantEvent, Room, RoomEvent, Track, type TrackPublication } from 'livekit-client'
import type { PlatformMedia } from '../../platform/platform.ts'
import type { MediaStore } from '../../stores/media/store.ts'
import type { Api } from '../api.ts'
import { connectOptions } from '../livekit-options.ts'
import { createRoomQueue } from '../room-queue.ts'
import { startEntryClock } from './entry-timing.ts'
import { createLocalMedia } from './local-tracks.ts'
import { watchLowPower } from './low-power.ts'
import { watchResume } from './resume-watchdog.ts'
import { roomOptions } from './room-options.ts'
import { createPublisher } from './publish.ts'
import { createRoomTokens } from './tokens.ts'
import type { EntryPolicy, GoOptions, MediaRoomEvents, MediaRooms } from './types.ts'

export interface MediaRoomDeps {
  api: Api
  workspaceId: string
  media: MediaStore
  platform: PlatformMedia
  /** Who is in `roomId` by the server's occupancy, earliest arrival first (Low power's default camera). */
  arrivals?(roomId: string): readonly string[]
}

/** How long "Reconnected" stays in the call panel. */
const NOTICE_MS = 4_000

/**
 * How long the camera keeps running after the member leaves a call for their desk: walking on into
 * another room within it costs no new acquisition; after it, the camera's light goes out. The
 * member's choice (camOn) stays for the next room.
 */
const CAMERA_AT_DESK_LINGER_MS = 10_000

interface Call {
  id: string
  room: Room
  stop(): void
}

export function createMediaRooms(deps: MediaRoomDeps): MediaRooms {
  const { media } = deps
  const queue = createRoomQueue()
  const tokens = createRoomTokens(deps.api, deps.workspaceId)
  type Listener = (...args: unknown[]) => void
  const listeners = new Map<keyof MediaRoomEvents, Set<Listener>>()
  const emit = <E extends keyof MediaRoomEvents>(event: E, ...args: Parameters<MediaRoomEvents[E]>) => listeners.get(event)?.forEach((l) => l(...args))
  const local = createLocalMedia(deps.platform, media, (kind, id) => emit('device-lost', kind, id))
  const publisher = createPublisher(local, media)
  let active: Call | null = null
  let policy: EntryPolicy | null = null
  let latest = 0
  let destination: { target: string | null; startedAt: number } | null = null
  let noticeTimer: ReturnType<typeof setTimeout> | null = null

  const say = (notice: 'reconnected') => {
    media.getState().setNotice(notice)
    if (noticeTimer) clearTimeout(noticeTimer)
    noticeTimer = setTimeout(() => media.getState().setNotice(null), NOTICE_MS)
  }

  const open = (id: string): Call => {
    const room = new Room({ ...roomOptions(), audioOutput: { deviceId: media.getState().activeDevices.audiooutput || 'default' } })
    const stopLowPower = watchLowPower(room, media, () => deps.arrivals?.(id) ?? [])
    const isActive = () => active?.room === room
    // The signal connection alone (media may still flow) or the whole call: either way the call says so.
    const reconnecting = () => isActive() && media.getState().setPhase('reconnecting', id)
    room.on(RoomEvent.SignalReconnecting, reconnecting)
    room.on(RoomEvent.Reconnecting, reconnecting)
    room.on(RoomEvent.Reconnected, () => {
      if (!isActive()) return
      media.getState().setPhase('connected', id)
      say('reconnected')
    })
    // A host's mute (LiveKit mutes the track itself) is the member's state too: the call's button,
    // push-to-talk and the desktop tray read micOn, and would say the microphone is live. A track
    // that ended (a microphone unplugged) is muted by livekit-client too: the fallback handles that.
    room.localParticipant.on(ParticipantEvent.TrackMuted, (pub: TrackPublication) => {
      const ended = pub.track?.mediaStreamTrack.readyState === 'ended'
      if (isActive() && pub.source === Track.Source.Microphone && !ended && media.getState().micOn) media.getState().mutedByHost()
    })
    let gaveUp = false
    const stopWatchdog = watchResume(room, () => {
      gaveUp = true
      void room.disconnect(false)
    })
    const stop = () => {
      stopLowPower()
      stopWatchdog()
    }
    room.on(RoomEvent.Disconnected, (reason?: DisconnectReason) => {
      // A room lost or shown out is never closed (close() is for rooms left): let go of it here.
      stop()
      if (!isActive()) return
      active = null
      // Shown out by the server (the room was removed or made smaller): say so, so the avatar leaves
      // too. Lost for another reason (LiveKit restarted, or the network stayed away): say so, so the
      // call is joined again while the avatar is still in the room (floor-changes.ts).
      const removed = reason === DisconnectReason.PARTICIPANT_REMOVED || reason === DisconnectReason.ROOM_DELETED
      const lost = gaveUp || (!removed && reason !== DisconnectReason.CLIENT_INITIATED && reason !== DisconnectReason.DUPLICATE_IDENTITY)
      if (lost) media.getState().setRoom(null)
      media.getState().setPhase(lost ? 'reconnecting' : 'idle', lost ? id : null, removed ? `removed:${id}` : lost ? `lost:${id}` : null)
    })
    return { id, room, stop }
  }

  /** Drops a room: its tracks are unpublished first (the promise), then it disconnects off the critical path. */
  const close = (call: Call | null): Promise<void> => {
    if (!call) return Promise.resolve()
    call.stop()
    const unpublished = publisher.unpublishAll(call.room).catch(() => undefined)
    void unpublished.finally(() => call.room.disconnect(false))
    return unpublished
  }

  const dropActive = () => {
    const old = active
    active = null
    void close(old)
  }
  const leave = async () => {
    dropActive()
    media.getState().setPhase('idle', null)
    // Awaited: a next entry, queued behind, turns the camera back on only after this.
    await local.stopCamera(CAMERA_AT_DESK_LINGER_MS)
  }

  const enter = async (id: string, opts: GoOptions) => {
    const state = media.getState()
    const rejoining = state.error === `lost:${id}`
    // Getting back into the call it lost keeps the member's microphone and camera as they were (the
    // policy would unmute someone who came at another's request, as if they had walked in).
    const wanted = rejoining ? undefined : policy?.({ roomId: id, requested: opts.requested ?? false })
    // Applied to the member's state now; the tracks follow it when they are published in the next room.
    if (wanted?.mic !== undefined) await publisher.setMic(null, wanted.mic)
    if (wanted?.camera !== undefined) await publisher.setCamera(null, wanted.camera, true)
    media.getState().setPhase(rejoining ? 'reconnecting' : 'connecting', id, rejoining ? state.error : null)
    const clock = startEntryClock(id, opts.startedAt ?? performance.now())
    const next = open(id)
    next.room.once(RoomEvent.SignalConnected, () => clock.mark('signal'))
    clock.follow(next.room, (timing) => emit('entry', timing))
    const tracksReady = publisher.prepare() // camera and microphone start while we connect (first entry)
    try {
      const { url, token } = await tokens.take(id)
      clock.mark('token')
      await next.room.connect(url, token, connectOptions(url))
      clock.mark('connected')
    } catch (err) {
      clock.cancel()
      next.stop()
      void next.room.disconnect(false)
      dropActive()
      media.getState().setPhase(rejoining ? 'reconnecting' : 'failed', id, rejoining ? `lost:${id}` : (err as Error).message)
      // Refused or failed: no call, so no camera (a rejoin keeps it for the call it is getting back).
      if (!rejoining) await local.stopCamera(CAMERA_AT_DESK_LINGER_MS)
      throw err
    }
    // The switch: the old room stops being heard, the next one takes over, the tracks move.
    const old = active
    active = next
    const moved = close(old)
    media.getState().setRoom(next.room)
    media.getState().setPhase('connected', id)
    if (rejoining) say('reconnected')
    await Promise.all([tracksReady.catch(() => undefined), moved])
    // Published once LiveKit lets this member publish: at once, or (stage audience) when brought on stage.
    if (active === next) next.room.once(RoomEvent.Disconnected, publishWhenAllowed(next.room, publisher))
  }

  return {
    // Not for the room we are in: its next join comes after leaving, when a fresh door decision counts.
    prefetch: (id) => void (id === active?.id ? null : tokens.prefetch(id).catch(() => undefined)),
    go(target, options) {
      const opts: GoOptions = typeof options === 'number' ? { startedAt: options } : (options ?? {})
      // Rooms crossed on the way to the clicked one share its click time: walking through them
      // neither leaves nor joins anything (the walk's end is reconciled by walking.ts at rest).
      if (opts.startedAt !== undefined && destination?.startedAt === opts.startedAt && destination.target !== target) return Promise.resolve()
      opts.startedAt ??= performance.now()
      destination = { target, startedAt: opts.startedAt }
      const seq = ++latest
      return queue.run(async () => {
        // A later request supersedes this one before it started: only where the member stops counts.
        if (seq !== latest) return
        if (target !== null && target === active?.id) return
        if (target === null) return leave()
        await enter(target, opts)
      })
    },
    setMic: (on) => publisher.setMic(active?.room ?? null, on),
    setCamera: (on) => publisher.setCamera(active?.room ?? null, on),
    async setDevice(kind, deviceId) {
      if (kind === 'audiooutput') {
        media.getState().setActiveDevice(kind, deviceId)
        await active?.room.switchActiveDevice('audiooutput', deviceId || 'default')
        return
      }
      await local.switchDevice(kind, deviceId)
    },
    setAudioProcessing: (opts) => local.setAudioProcessing(opts),
    ensureLocal: () => local.audio().then(() => undefined),
    startScreenShare: () => publisher.startScreen(deps.platform, active?.room ?? null),
    stopScreenShare: () => publisher.stopScreen(active?.room ?? null),
    setLowPower: (on) => media.getState().setDevices({ lowPower: on }),
    setEntryPolicy(next) {
      policy = next
    },
    on(event, listener) {
      const set = listeners.get(event) ?? new Set()
      set.add(listener as Listener)
      listeners.set(event, set)
      return () => void set.delete(listener as Listener)
    },
    async dispose() {
      await queue.run(async () => leave())
      local.stop()
    },
  }
}
