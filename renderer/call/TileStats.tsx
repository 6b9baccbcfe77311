/**
 * A tile's video stats on request: frames decoded, resolution and frame rate, polled once a second
 * from the receiver only while shown. End-to-end tests read `data-testid=frames-decoded`.
 */
import { useEffect, useState } from 'react'
import type { RemoteVideoTrack } from 'livekit-client'

interface Stats {
  framesDecoded: number
  width: number
  height: number
  fps: number
}

const STATS_EVERY_MS = 1_000

export function TileStats({ track, name }: { track: RemoteVideoTrack | null; name: string }) {
  const [shown, setShown] = useState(false)
  const stats = useReceiverStats(shown ? track : null)
  if (!track) return null
  return (
    <>
      <button type="button" className="stats-toggle" aria-pressed={shown} onClick={() => setShown(!shown)}>
        {shown ? 'Hide stats' : 'Stats'}
      </button>
      {shown && (
        <dl className="stats" aria-label={`Video stats for ${name}`}>
          <dt>Frames decoded</dt>
          <dd data-testid="frames-decoded">{stats?.framesDecoded ?? '…'}</dd>
          <dt>Resolution</dt>
          <dd>{stats ? `${stats.width}×${stats.height}` : '…'}</dd>
          <dt>Frame rate</dt>
          <dd>{stats ? `${stats.fps.toFixed(0)} fps` : '…'}</dd>
        </dl>
      )}
    </>
  )
}

/** Polls the receiver's WebRTC stats once a second, only while the stats are on screen. */
function useReceiverStats(track: RemoteVideoTrack | null): Stats | null {
  const [stats, setStats] = useState<Stats | null>(null)
  useEffect(() => {
    if (!track) return
    let stopped = false
    let previous: { frames: number; at: number } | null = null
    const poll = async () => {
      const s = await track.getReceiverStats()
      if (stopped || !s) return
      const at = performance.now()
      const fps = previous ? ((s.framesDecoded - previous.frames) * 1000) / (at - previous.at) : 0
      previous = { frames: s.framesDecoded, at }
      setStats({ framesDecoded: s.framesDecoded, width: s.frameWidth ?? 0, height: s.frameHeight ?? 0, fps })
    }
    void poll()
    const timer = setInterval(() => void poll(), STATS_EVERY_MS)
    return () => {
      stopped = true
      clearInterval(timer)
    }
  }, [track])
  return stats
}
