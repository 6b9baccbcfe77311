/**
 * A remote person's connection quality as received here, for when LiveKit has not rated them.
 *
 * livekit-server (v1.13.5) sends a person's rating only to those subscribed to them at the tick
 * (every 5 s) that first rates them, and after that only when the rating changes. Whoever
 * subscribes later never hears it on a steady network: the newcomer's tile stays unrated all day.
 * (Fixed upstream after our pinned version: livekit/livekit#4838.) So while LiveKit says Unknown,
 * the tile rates what arrives from that person: packet loss and jitter of one of their tracks
 * over the last few seconds, read from the receiver's own WebRTC stats. LiveKit's rating replaces
 * it as soon as one arrives.
 */
import { ConnectionQuality, Track, type Participant, type RemoteTrack } from 'livekit-client'
import { useEffect, useState } from 'react'

/** Cumulative counters of one inbound RTP stream, as getStats reports them. */
export interface Reception {
  packetsReceived: number
  packetsLost: number
  /** Seconds. */
  jitter: number
}

/** How often the receiver is sampled while LiveKit has not rated the person. */
export const SAMPLE_EVERY_MS = 3_000

/**
 * The quality of what arrived between two samples: no packets at all is Lost; otherwise the share
 * of packets lost and the jitter, with the thresholds of LiveKit's own scorer in mind (a few
 * percent of loss is still a good call; a tenth is a poor one).
 */
export function rateReception(before: Reception, after: Reception): ConnectionQuality {
  const received = after.packetsReceived - before.packetsReceived
  // Counters restart when the receiver does; no judgement from a reset.
  if (received < 0) return ConnectionQuality.Unknown
  const lost = Math.max(0, after.packetsLost - before.packetsLost)
  if (received === 0) return lost > 0 ? ConnectionQuality.Lost : ConnectionQuality.Unknown
  const loss = lost / (received + lost)
  const jitterMs = after.jitter * 1000
  if (loss < 0.02 && jitterMs < 30) return ConnectionQuality.Excellent
  if (loss < 0.1 && jitterMs < 100) return ConnectionQuality.Good
  return ConnectionQuality.Poor
}

/** The track to judge by: the microphone sends all the time; the camera when the microphone is muted. */
function judgedTrack(p: Participant): RemoteTrack | undefined {
  for (const source of [Track.Source.Microphone, Track.Source.Camera]) {
    const pub = p.getTrackPublication(source)
    if (pub?.track && pub.isSubscribed && !pub.isMuted) return pub.track as RemoteTrack
  }
  return undefined
}

async function sample(track: RemoteTrack): Promise<Reception | null> {
  const stats = await track.receiver?.getStats()
  let found: Reception | null = null
  stats?.forEach((s: { type: string; packetsReceived?: number; packetsLost?: number; jitter?: number }) => {
    if (s.type === 'inbound-rtp') found = { packetsReceived: s.packetsReceived ?? 0, packetsLost: s.packetsLost ?? 0, jitter: s.jitter ?? 0 }
  })
  return found
}

/**
 * LiveKit's rating of `p` when it has one; else, for a remote person, the rating of what arrives
 * from them (sampled only while LiveKit's is missing).
 */
export function useRatedQuality(p: Participant, livekit: ConnectionQuality): ConnectionQuality {
  const [received, setReceived] = useState(ConnectionQuality.Unknown)
  const unrated = !p.isLocal && livekit === ConnectionQuality.Unknown
  useEffect(() => {
    if (!unrated) return
    let stopped = false
    let before: { track: RemoteTrack; reception: Reception } | null = null
    const tick = async () => {
      const track = judgedTrack(p)
      const reception = track ? await sample(track) : null
      if (stopped) return
      if (!track || !reception) {
        before = null
        return setReceived(ConnectionQuality.Unknown)
      }
      if (before?.track === track) setReceived(rateReception(before.reception, reception))
      before = { track, reception }
    }
    void tick()
    const timer = setInterval(() => void tick(), SAMPLE_EVERY_MS)
    return () => {
      stopped = true
      clearInterval(timer)
    }
  }, [p, unrated])
  return unrated ? received : livekit
}
