/**
 * Where the time of a room entry goes, from the click: token, signalling join, ICE + DTLS
 * (RoomEvent.Connected), first remote track subscribed, its first packet (the track unmutes on
 * the first RTP packet), its first frame on screen (requestVideoFrameCallback's expected display
 * time, on whichever element the call UI attaches it to) and the first audio packet. Each step is
 * a performance.measure 'office:entry:<step>' from the click, so `npm run bench` and DevTools read
 * the same figures.
 */
import { RoomEvent, Track, TrackEvent, type RemoteTrack, type Room } from 'livekit-client'
import type { EntryTiming } from './types.ts'

/** Stop waiting for a first frame after this long (an empty room has none). */
const GIVE_UP_MS = 10_000

export interface EntryClock {
  /** Marks `step` now, or at `when` (performance.now()), which counts as the click if it came earlier. */
  mark(step: 'token' | 'signal' | 'connected', when?: number): void
  /** Follows the room's first remote video and audio; calls `done` once the first frame (or the give-up) is in. */
  follow(room: Room, done: (timing: EntryTiming) => void): void
  cancel(): void
}

export function startEntryClock(roomId: string, startedAt: number): EntryClock {
  const timing: EntryTiming = { roomId, token: 0, signal: 0, connected: 0 }
  let stop = () => {}
  const seen = new Set<string>()
  const at = (step: Exclude<keyof EntryTiming, 'roomId'>, name: string, when = performance.now()) => {
    if (seen.has(step)) return
    seen.add(step)
    const end = Math.max(when, startedAt)
    ;(timing as unknown as Record<string, number>)[step] = end - startedAt
    performance.measure(`office:entry:${name}`, { start: startedAt, end })
  }
  return {
    mark(step, when) {
      at(step, step, when)
      // The figure the app has always published: click → connected.
      if (step === 'connected') performance.measure('office:room-entry', { start: startedAt, end: performance.now() })
    },
    follow(room, done) {
      let finished = false
      const finish = () => {
        if (finished) return
        finished = true
        stop()
        done(timing)
      }
      const onSubscribed = (track: RemoteTrack) => {
        at('subscribed', 'subscribed')
        const mst = track.mediaStreamTrack
        const audio = track.kind === Track.Kind.Audio
        const packet = () => (audio ? at('firstAudio', 'first-audio') : at('firstPacket', 'first-packet'))
        if (!mst.muted) packet()
        else mst.addEventListener('unmute', packet, { once: true })
        if (audio) return
        const watch = (el: HTMLMediaElement) => {
          if (!(el instanceof HTMLVideoElement)) return
          // When the frame is on screen (the compositor shows video without the page's main
          // thread), not when this callback gets its turn on a main thread busy with the entry.
          el.requestVideoFrameCallback((_now, meta) => {
            at('firstFrame', 'first-frame', meta.expectedDisplayTime)
            finish()
          })
        }
        track.attachedElements.forEach(watch)
        track.on(TrackEvent.ElementAttached, watch)
        offs.push(() => track.off(TrackEvent.ElementAttached, watch))
      }
      const offs: (() => void)[] = []
      room.on(RoomEvent.TrackSubscribed, onSubscribed)
      // A preview entered: subscribed at the door, its tracks held (no packet yet) until the click.
      for (const p of room.remoteParticipants.values()) for (const pub of p.trackPublications.values()) if (pub.track) onSubscribed(pub.track)
      const timer = setTimeout(finish, GIVE_UP_MS)
      stop = () => {
        clearTimeout(timer)
        room.off(RoomEvent.TrackSubscribed, onSubscribed)
        offs.forEach((off) => off())
      }
    },
    cancel: () => stop(),
  }
}
