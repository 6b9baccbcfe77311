/**
 * The media rooms: the second LiveKit connection, to `<workspace>.<room>`, for the room the avatar
 * is in. Switching rooms is make-before-break: the next room connects while the old one still
 * plays, then the member's tracks move over and the old room is dropped; only the active room's
 * audio is ever rendered (store.room), and the member's tracks are published in one room at a
 * time, so nothing is heard twice. Camera and microphone are kept across rooms (local-tracks.ts).
 */
import { publishWhenAllowed } from './permissions.ts'
import { ConnectionState, DisconnectReason, ParticipantEvent, Room, RoomEvent, Track, type TrackPublication } from 'livekit-client'
import type { PlatformMedia } from '../../platform/platform.ts'
import type { MediaStore } from '../../stores/media/store.ts'
import { ApiError, type Api } from '../api.ts'
import { connectOptions } from '../livekit-options.ts'
import { createRoomQueue } from '../room-queue.ts'
import { startEntryClock } from './entry-timing.ts'
import { createLocalMedia } from './local-tracks.ts'
import { watchLowPower } from './low-power.ts'
import { watchResume } from './resume-watchdog.ts'
import { roomOptions } from './room-options.ts'
import { createPublisher } from './publish.ts'
import { createRoomTokens } from './tokens.ts'
import { holdSubscriptions, type HeldSubscriptions } from './held-subscriptions.ts'
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
 * How long a preview (looking in at a door, below) waits for the click after the last approach
 * or hover. The server shows out one that lingers longer than its own limit (server/livekit/previews.ts).
 */
const PREVIEW_IDLE_MS = 8_000
/**
 * A preview is entered only this long after it was made, well within the server's limit (20 s,
 * previews.ts), so that the server never shows out one being entered; resting longer makes a fresh one.
 */
const PREVIEW_FRESH_MS = 12_000
/** After a refused preview, that room is not asked for another this long (the door's answer stands meanwhile). */
const PREVIEW_REFUSED_QUIET_MS = 30_000

/**
 * How long the camera keeps running after the member leaves a call for their desk: walking on into
 * another room within it costs no new acquisition; after it, the camera's light goes out. The
 * member's choice (camOn) stays for the next room.
 */
const CAMERA_AT_DESK_LINGER_MS = 10_000

interface Call {
  id: string
  room: Room
  /** A preview's subscriptions, held until the click (held-subscriptions.ts); null for a room joined at the click. */
  held: HeldSubscriptions | null
  stop(): void
}

/**
 * Connect before the door: resting on a room (or walking up to it) joins it as a preview, hidden,
 * sending nothing, and subscribed to the room's tracks with every one disabled (held-subscriptions.ts),
 * so that signalling, ICE, DTLS and the subscriptions' negotiation are done before the click while
 * nothing is seen or heard. The click enables the tracks and asks the server to reveal the
 * preview (one RoomService call); the people inside see the newcomer arrive. One preview at a
 * time; it is dropped when unused.
 */
interface Preview {
  call: Call
  /** performance.now() when it was asked for. */
  startedAt: number
  /** performance.now() when its token came, and when its signalling connected (the entry's breakdown). */
  tokenAt?: number
  signalAt?: number
  /** Let go (replaced, idle, left): never to be entered. */
  dropped: boolean
  /** Connected as a preview; false when it could not be (refused, full, offline): enter the usual way. */
  ready: Promise<boolean>
  /** Once let go: resolves when its connection is gone from LiveKit (see dropPreview). */
  gone: Promise<void> | null
  timer: ReturnType<typeof setTimeout>
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
  let preview: Preview | null = null
  /** The room enter() is connecting to, until it is the active one (or failed). */
  let entering: string | null = null

  const say = (notice: 'reconnected') => {
    media.getState().setNotice(notice)
    if (noticeTimer) clearTimeout(noticeTimer)
    noticeTimer = setTimeout(() => media.getState().setNotice(null), NOTICE_MS)
  }

  /** `looking`: opened as a preview, its subscriptions held until the click. */
  const open = (id: string, looking = false): Call => {
    const room = new Room({ ...roomOptions(), audioOutput: { deviceId: media.getState().activeDevices.audiooutput || 'default' } })
    // Before Low power: a preview subscribes each new track first, then Low power may say no to a camera.
    const held = looking ? holdSubscriptions(room) : null
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
      held?.stop()
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
    return { id, room, held, stop }
  }

  /** Rooms being left: their connections are still up until they have disconnected. */
  const leaving = new Set<Call>()
  /** Drops a room: its tracks are unpublished first (the promise), then it disconnects off the critical path. */
  const close = (call: Call | null): Promise<void> => closing(call).unpublished
  /** `unpublished` once its tracks are unpublished, `disconnected` once LiveKit has let it go. */
  const closing = (call: Call | null): { unpublished: Promise<void>; disconnected: Promise<void> } => {
    if (!call) return { unpublished: Promise.resolve(), disconnected: Promise.resolve() }
    call.stop()
    leaving.add(call)
    const unpublished = publisher.unpublishAll(call.room).catch(() => undefined)
    const disconnected = unpublished
      .then(() => call.room.disconnect(false))
      .catch(() => undefined)
      .finally(() => leaving.delete(call))
    return { unpublished, disconnected }
  }

  const dropActive = () => {
    const old = active
    active = null
    void close(old)
  }
  const leave = async () => {
    takePreview(null)
    dropActive()
    media.getState().setPhase('idle', null)
    // Awaited: a next entry, queued behind, turns the camera back on only after this.
    await local.stopCamera(CAMERA_AT_DESK_LINGER_MS)
  }

  /** Takes the preview of `id` for an entry (null when there is none), or drops whichever there is. */
  const takePreview = (id: string | null): Preview | null => {
    const p = preview
    if (!p) return null
    preview = null
    clearTimeout(p.timer)
    if (p.call.id === id) return p
    void dropPreview(p)
    return null
  }

  /** Previews let go and not yet gone from LiveKit, by room: an entry there waits for them (dropPreview). */
  const fading = new Map<string, Promise<void>>()

  /**
   * Lets a preview go; the promise resolves once its connection is gone from LiveKit. One still
   * connecting is let finish first, never aborted: an aborted join can still land in LiveKit after
   * this member's entry under the same identity, and would replace them in the room (their call
   * gone, the people inside seeing them leave). So an entry of the same room waits for this.
   */
  const dropPreview = (p: Preview): Promise<void> => {
    if (!p.dropped) {
      p.dropped = true
      const gone = p.ready.then(() => closing(p.call).disconnected)
      p.gone = gone
      fading.set(p.call.id, gone)
      void gone.then(() => fading.get(p.call.id) === gone && fading.delete(p.call.id))
    }
    return p.gone ?? Promise.resolve()
  }

  /** Rooms that refused a preview lately: walking by their door does not ask again and again. */
  const refusedPreview = new Map<string, number>()

  const lookIn = (id: string) => {
    const now = performance.now()
    if (preview?.call.id === id && now - preview.startedAt < PREVIEW_FRESH_MS) {
      clearTimeout(preview.timer)
      preview.timer = setTimeout(() => takePreview(null), PREVIEW_IDLE_MS)
      return
    }
    // Any other preview is let go (a stale one of this room too: it starts fading).
    takePreview(null)
    // Not while a connection of ours to that room is being made or is still up: the entry under way
    // (clicked, then another room clicked and this one rested on again), the room just walked out
    // of, or an earlier preview not gone yet. A preview joining with the same identity would
    // replace it in LiveKit, and the people inside, who do not see a preview, would keep seeing us
    // there. Nor soon after a refusal. A token is harmless.
    const busy = id === entering || [...leaving].some((c) => c.id === id) || fading.has(id)
    if (busy || now - (refusedPreview.get(id) ?? -Infinity) < PREVIEW_REFUSED_QUIET_MS) {
      void tokens.prefetch(id).catch(() => undefined)
      return
    }
    const call = open(id, true)
    const p: Preview = { call, startedAt: now, dropped: false, ready: Promise.resolve(false), gone: null, timer: setTimeout(() => takePreview(null), PREVIEW_IDLE_MS) }
    call.room.once(RoomEvent.SignalConnected, () => (p.signalAt = performance.now()))
    const ready = deps.api.roomDoor(deps.workspaceId, id, 'preview').then(async ({ url, token }) => {
      p.tokenAt = performance.now()
      if (p.dropped) return false
      // Subscribed by held-subscriptions.ts, disabled until the click.
      await call.room.connect(url, token, { ...connectOptions(url), autoSubscribe: false })
      // Let go while connecting: dropPreview disconnects it now that the connect is done.
      return !p.dropped
    })
    p.ready = ready.catch(() => false)
    preview = p
    // Refused a preview (no place to spare, a locked door, inside already): the click may still get a token.
    ready.catch(() => {
      refusedPreview.set(id, performance.now())
      if (preview === p) takePreview(null)
      else void dropPreview(p)
      void tokens.prefetch(id).catch(() => undefined)
    })
    // Shown out by the server, or lost: nothing to enter through.
    call.room.once(RoomEvent.Disconnected, () => {
      if (preview === p) takePreview(null)
    })
  }

  /** Reveals the preview of `id` for this entry; false when there is none to reveal (then connect the usual way). */
  const reveal = async (p: Preview | null, id: string, connected: () => void): Promise<boolean> => {
    if (!p) return false
    if (!(await p.ready)) {
      void dropPreview(p)
      return false
    }
    connected()
    // The media starts flowing now, while the server reveals us: the first frame and the first
    // sound need no more than the SFU's resume (a refusal drops the preview unheard and unseen).
    p.call.held?.release()
    try {
      await deps.api.roomDoor(deps.workspaceId, id, 'enter')
    } catch (err) {
      void dropPreview(p)
      // Refused at the door since (locked, removed): that is the answer; else (no preview left) a token.
      if (err instanceof ApiError && err.status === 409 && err.body.reason === 'not-previewing') return false
      throw err
    }
    // Lost meanwhile (shown out, or gone for good): connect the usual way. One reconnecting is
    // entered (revealed, the people inside see us already): it comes back, or its loss is handled
    // as any call's (open's Disconnected).
    if (p.call.room.state === ConnectionState.Disconnected) {
      void dropPreview(p)
      return false
    }
    return true
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
    const startedAt = opts.startedAt ?? performance.now()
    let clock = startEntryClock(id, startedAt)
    const taken = takePreview(id)
    // Too old to enter safely before the server's limit: connect the usual way.
    const looked = taken && performance.now() - taken.startedAt < PREVIEW_FRESH_MS ? taken : null
    // A preview of this room let go (too old to enter, or earlier, for another room's): gone from
    // LiveKit before this member joins the room under the same identity (dropPreview).
    if (taken && !looked) void dropPreview(taken)
    if (!looked) await fading.get(id)
    let next = looked?.call ?? open(id)
    // Followed before the reveal: LiveKit may subscribe us before the server's answer arrives.
    if (looked) clock.follow(next.room, (timing) => emit('entry', timing))
    // A preview connected at the door has its cameras playing unseen (held-subscriptions.ts): the
    // call shows the room now, or as soon as it is connected (a click on the heels of the press
    // that started it), while the server reveals us (the people inside see us at its answer).
    let shownEarly = false
    const showEarly = () => {
      if (next.room.state !== ConnectionState.Connected) return
      shownEarly = true
      media.getState().setRoom(next.room)
    }
    const tracksReady = publisher.prepare() // camera and microphone start while we connect (first entry)
    try {
      if (looked && (await reveal(looked, id, showEarly))) {
        // Signalling, ICE and DTLS were done at the door: entering was the server's one call.
        // (Each step counts from the click: the preview's, if it was still under way then.)
        clock.mark('token', looked.tokenAt)
        clock.mark('signal', looked.signalAt)
        clock.mark('connected')
      } else {
        if (looked) {
          // No preview to walk in through after all: connect the usual way, once it is gone.
          if (shownEarly) media.getState().setRoom(active?.room ?? null)
          clock.cancel()
          clock = startEntryClock(id, startedAt)
          await dropPreview(looked)
          next = open(id)
        }
        next.room.once(RoomEvent.SignalConnected, () => clock.mark('signal'))
        clock.follow(next.room, (timing) => emit('entry', timing))
        const { url, token } = await tokens.take(id)
        clock.mark('token')
        await next.room.connect(url, token, connectOptions(url))
        clock.mark('connected')
      }
    } catch (err) {
      clock.cancel()
      if (shownEarly) media.getState().setRoom(active?.room ?? null)
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
    // A preview entered while it resumes after a network drop: the call says so until it is back
    // (open's Reconnected, or the watchdog's fresh join).
    const back = next.room.state === ConnectionState.Connected
    media.getState().setPhase(back ? 'connected' : 'reconnecting', id)
    if (rejoining && back) say('reconnected')
    await Promise.all([tracksReady.catch(() => undefined), moved])
    // Published once LiveKit lets this member publish: at once, or (stage audience) when brought on stage.
    if (active === next) next.room.once(RoomEvent.Disconnected, publishWhenAllowed(next.room, publisher))
  }

  return {
    // Not for the room we are in (its next join comes after leaving, when a fresh door decision
    // counts), nor the one we are on our way into (the entry under way connects it); and walking past a
    // door on the way into another room is not approaching it.
    prefetch: (id, by) => void (id === active?.id || id === destination?.target || (by === 'approach' && destination?.target) ? null : lookIn(id)),
    go(target, options) {
      const opts: GoOptions = typeof options === 'number' ? { startedAt: options } : (options ?? {})
      // Rooms crossed on the way to the clicked one share its click time: walking through them
      // neither leaves nor joins anything (the walk's end is reconciled by walking.ts at rest).
      if (opts.startedAt !== undefined && destination?.startedAt === opts.startedAt && destination.target !== target) return Promise.resolve()
      opts.startedAt ??= performance.now()
      destination = { target, startedAt: opts.startedAt }
      // The click lets the preview's media flow now (or, still connecting, as each track is
      // subscribed), ahead of the queue and the entry's policy: the server's resume and the first
      // keyframe are the long pole of the first frame. A preview then not entered (another click
      // first, or the door refuses) is dropped unplayed.
      if (target !== null && preview?.call.id === target && performance.now() - preview.startedAt < PREVIEW_FRESH_MS) preview.call.held?.release()
      const seq = ++latest
      return queue.run(async () => {
        // A later request supersedes this one before it started: only where the member stops counts.
        if (seq !== latest) return
        if (target !== null && target === active?.id) return
        if (target === null) return leave()
        entering = target
        try {
          await enter(target, opts)
        } finally {
          entering = null
        }
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
