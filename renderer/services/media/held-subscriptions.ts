/**
 * A preview's subscriptions (connect before the door, rooms.ts). The preview joins without
 * autoSubscribe and subscribes to every track itself, so that the subscriptions are negotiated
 * before the click. Meanwhile a microphone is held (disabled: the media server forwards nothing of
 * it), and a camera flows from its lowest layer only, once the connection is up, into a <video> nobody sees
 * (warm-videos.ts): the member neither sees nor hears the room until they walk in, and the click
 * shows its cameras at once, with no keyframe to wait for. Held too, a camera's first frame
 * waited 150-220 ms after the click for the server's resume, the publisher's keyframe (on every
 * layer it sends: VP8 simulcast) and its way back (room-entry bench, rested, this machine).
 * The cost: a thumbnail's worth of each camera (about 320x180 at 10 fps here) for as long as the
 * pointer rests on a door, at most the server's 20 s for a preview, and only where the door lets
 * the member in; a preview's token allowed that much all along (server/livekit/previews.ts).
 * Walking in enables the microphones, one signalling message, not a renegotiation after the join.
 *
 * The subscriptions are asked for as soon as the join's answer names the tracks in the room, before
 * the connection's own negotiation: livekit-server then negotiates them with it, and a preview
 * holds them about 150 ms after its signalling join (a bare-page measure here: p50 150 ms from
 * connect to the last of four subscribed, against 347 ms when asked once connected, as the server
 * waits 150 ms after one negotiation before the next: pkg/rtc/transport.go negotiationFrequency).
 *
 * The click releases the hold, before the preview is connected too (a press on a room starts one).
 *
 * The room keeps autoSubscribe off for its whole life, so tracks published later are subscribed
 * here too, as autoSubscribe would; Low power (low-power.ts, listening after this) may then
 * unsubscribe a camera it does not show.
 */
import { ConnectionState, RoomEvent, Track, TrackEvent, VideoQuality, type RemoteTrack, type RemoteTrackPublication, type Room } from 'livekit-client'
import { coolDown, warmUp } from './warm-videos.ts'

export interface HeldSubscriptions {
  /**
   * Lets the media flow, now or (called before the preview is connected) once it is: the
   * microphones, and the cameras as adaptive stream asks once their first frame plays in a tile.
   */
  release(): void
  stop(): void
}

/**
 * A released video is handed to adaptive stream once its first frame plays in a tile, or after
 * this long (no tile shows it: Low power, or a hidden window, which adaptive stream then pauses).
 */
const HANDOVER_MS = 3_000

/** What livekit-client asks the server for a subscription, kept on the publication and sent by emitTrackUpdate. */
type Requested = { requestedDisabled: boolean | undefined; requestedMaxQuality: VideoQuality | undefined }
const requested = (pub: RemoteTrackPublication) => pub as unknown as Requested

/**
 * The first frames come from the lowest layer: the one a publisher most surely sends (dynacast
 * pauses the layers nobody watches) and the smallest keyframe. Asked for at once and explicitly, in
 * one message: left to adaptive stream, a video would wait for its tile to be attached and seen (an
 * intersection observer's turn, then a 100 ms resize debounce) before the server is asked for it.
 */
const enableLowFirst = (pub: RemoteTrackPublication) => {
  Object.assign(requested(pub), { requestedDisabled: false, requestedMaxQuality: VideoQuality.LOW })
  pub.emitTrackUpdate()
}

/** livekit-client keeps an explicit enable for good; cleared, a video track follows its tiles' visibility and size again. */
const followAdaptiveStream = (pub: RemoteTrackPublication) => {
  Object.assign(requested(pub), { requestedDisabled: undefined, requestedMaxQuality: undefined })
  pub.emitTrackUpdate()
}

export function holdSubscriptions(room: Room): HeldSubscriptions {
  let held = true
  // The join does not tell livekit-server that this client adapts its streams (the room still
  // does, once the tracks are here: each remote video takes its settings as it is created). Told,
  // the server enables every video subscription as it is bound, whatever the client said, "to force
  // a visibility update" (pkg/rtc/subscribedtrack.go Bound), and honours the client's disable again
  // only after its 100 ms debounce: a bare page read 20-50 kB of the room's video, a second of it,
  // while previewing. And the first frame after the click came later: the room-entry bench's rested
  // series went from p50 416 to 239 ms with the flag off (likely the burst's keyframe request put
  // the click's under the server's PLI throttle, 500 ms for the lowest layer). The server uses the
  // flag for nothing else: a video subscribed after the hold starts at the top layer rather than
  // the lowest until its tile says its size (flow, below, asks for the lowest first anyway).
  const adaptive = room.options.adaptiveStream
  room.options.adaptiveStream = false
  room.once(RoomEvent.SignalConnected, () => {
    room.options.adaptiveStream = adaptive
  })
  const taken = new WeakSet<RemoteTrackPublication>()
  const looking = new Set<RemoteTrackPublication>()
  /** Videos let flow from their lowest layer, until their first frame plays: the track to watch, and how to stop waiting. */
  const firstFrames = new Map<RemoteTrackPublication, { watch(track: RemoteTrack): void; forget(): void }>()
  /** Lets a subscribed (or about to be) publication's media flow: a video from its lowest layer, then as adaptive stream asks. */
  const flow = (pub: RemoteTrackPublication) => {
    if (pub.kind !== Track.Kind.Video) {
      if (requested(pub).requestedDisabled !== undefined) followAdaptiveStream(pub)
      return
    }
    enableLowFirst(pub)
    handOverOnFirstFrame(pub)
  }
  const handOverOnFirstFrame = (pub: RemoteTrackPublication) => {
    // Handed over once its first frame plays: asked earlier for the tile's size, the server
    // would switch layers before it sent a frame and wait for the other layer's keyframe.
    let watched: RemoteTrack | null = null
    const handOver = () => {
      forget()
      followAdaptiveStream(pub)
    }
    const forget = () => {
      clearTimeout(timer)
      watched?.off(TrackEvent.VideoPlaybackStarted, handOver)
      firstFrames.delete(pub)
    }
    const watch = (track: RemoteTrack) => {
      watched?.off(TrackEvent.VideoPlaybackStarted, handOver)
      watched = track
      track.on(TrackEvent.VideoPlaybackStarted, handOver)
    }
    const timer = setTimeout(handOver, HANDOVER_MS)
    firstFrames.set(pub, { watch, forget })
    if (pub.track) watch(pub.track)
  }
  const take = (pub: RemoteTrackPublication) => {
    if (taken.has(pub)) return
    taken.add(pub)
    pub.setSubscribed(true)
    if (!held) return flow(pub)
    looking.add(pub)
    // A camera flows once the connection is up (connectedLow), a microphone not until the click.
    if (pub.kind === Track.Kind.Video && room.state === ConnectionState.Connected) enableLowFirst(pub)
    else pub.setEnabled(false)
  }
  /**
   * The cameras looked at flow from their lowest layer once the connection is up. Enabled as they
   * are negotiated, before DTLS is done, the server forwarded their first keyframe into a connection
   * that could not take it yet: the decoder asked for another, under the server's keyframe throttle
   * (500 ms on the lowest layer). Room-entry bench, straight clicks (the press starts the preview):
   * 7 of 30 entries sent keyframe requests, click → first frame p95 933 ms.
   */
  const connectedLow = () => {
    for (const pub of looking) if (pub.kind === Track.Kind.Video) enableLowFirst(pub)
  }
  const takeAll = () => {
    for (const p of room.remoteParticipants.values()) for (const pub of p.trackPublications.values()) take(pub)
  }
  /** Videos given a <video> before the click (warm-videos.ts), let go of on stop if no tile took them. */
  const warmed = new Set<MediaStreamTrack>()
  const subscribed = (track: RemoteTrack, pub: RemoteTrackPublication) => {
    // Subscribed again while held (Low power turning a camera back on): LiveKit's new subscription
    // starts enabled at the top layer, and livekit-client does not say again what was asked (a
    // microphone disabled, a camera's lowest layer). Say it.
    if (held && looking.has(pub)) pub.emitTrackUpdate()
    firstFrames.get(pub)?.watch(track)
    if (held && track.kind === Track.Kind.Video) {
      warmUp(track.mediaStreamTrack)
      warmed.add(track.mediaStreamTrack)
    }
  }
  room.on(RoomEvent.TrackPublished, take)
  room.on(RoomEvent.TrackSubscribed, subscribed)
  // The join's answer has named the room's participants and their tracks (livekit-client's
  // applyJoinResponse, before the connection is made); Connected again after a full reconnect.
  room.on(RoomEvent.SignalConnected, takeAll)
  room.on(RoomEvent.Connected, takeAll)
  room.on(RoomEvent.Connected, connectedLow)
  takeAll()
  const release = () => {
    if (!held) return
    held = false
    for (const pub of looking) {
      if (pub.kind === Track.Kind.Video) handOverOnFirstFrame(pub)
      else flow(pub)
    }
    looking.clear()
  }
  // Let go before the connection is up (a click right after the press that started the preview):
  // the tracks stay held until it is. Enabled as they are negotiated, the server forwarded a
  // keyframe before DTLS was done, which never arrived: the client's decoder then asked for
  // another and waited for it (room-entry bench, straight clicks, same machine and day: 3 of 30
  // entries sent keyframe requests, 13 in all, against 1 of 30 held until connected; after a rest,
  // when the hold is let go on a connected call, none either way).
  return {
    release() {
      // Not yet connected (Disconnected while its token comes, then Connecting): once it is, however
      // often it was let go meanwhile (the click, then the entry's reveal).
      if (room.state !== ConnectionState.Disconnected && room.state !== ConnectionState.Connecting) return release()
      room.off(RoomEvent.Connected, release)
      room.once(RoomEvent.Connected, release)
    },
    stop() {
      for (const { forget } of firstFrames.values()) forget()
      warmed.forEach(coolDown)
      room.off(RoomEvent.TrackPublished, take)
      room.off(RoomEvent.TrackSubscribed, subscribed)
      room.off(RoomEvent.SignalConnected, takeAll)
      room.off(RoomEvent.Connected, takeAll)
      room.off(RoomEvent.Connected, connectedLow)
      room.off(RoomEvent.Connected, release)
    },
  }
}
