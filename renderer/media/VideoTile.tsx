/** One person in the call: their video (or initials), name and microphone state; stats on request. */
import { useEffect, useRef, useState } from 'react'
import type { RemoteVideoTrack } from 'livekit-client'
import { initials } from '../floor/labels.ts'
import type { Tile } from '../stores/media/store.ts'

interface Stats {
  framesDecoded: number
  width: number
  height: number
  fps: number
}

const STATS_EVERY_MS = 1_000

export function VideoTile({ tile }: { tile: Tile }) {
  const video = useRef<HTMLVideoElement>(null)
  const audio = useRef<HTMLAudioElement>(null)
  const [showStats, setShowStats] = useState(false)
  const stats = useReceiverStats(showStats && !tile.local ? (tile.video as RemoteVideoTrack | null) : null)

  useEffect(() => {
    const el = video.current
    if (!el || !tile.video) return
    tile.video.attach(el)
    return () => void tile.video?.detach(el)
  }, [tile.video])

  useEffect(() => {
    const el = audio.current
    if (!el || !tile.audio) return
    tile.audio.attach(el)
    return () => void tile.audio?.detach(el)
  }, [tile.audio])

  const label = `${tile.local ? 'You' : tile.name}${tile.micMuted ? ', muted' : ''}`
  return (
    <figure className={`tile${tile.speaking ? ' tile-speaking' : ''}`} aria-label={label}>
      {tile.video ? (
        <video ref={video} autoPlay playsInline muted aria-label={`Video of ${tile.local ? 'you' : tile.name}`} />
      ) : (
        <div className="tile-initials" aria-hidden="true">
          {initials(tile.name)}
        </div>
      )}
      {tile.audio && <audio ref={audio} autoPlay />}
      <figcaption>
        {tile.local ? 'You' : tile.name}
        {tile.micMuted ? ' (muted)' : ''}
      </figcaption>
      {!tile.local && tile.video && (
        <button type="button" className="stats-toggle" aria-pressed={showStats} onClick={() => setShowStats(!showStats)}>
          {showStats ? 'Hide stats' : 'Stats'}
        </button>
      )}
      {showStats && (
        <dl className="stats" aria-label={`Video stats for ${tile.name}`}>
          <dt>Frames decoded</dt>
          <dd data-testid="frames-decoded">{stats?.framesDecoded ?? '…'}</dd>
          <dt>Resolution</dt>
          <dd>{stats ? `${stats.width}×${stats.height}` : '…'}</dd>
          <dt>Frame rate</dt>
          <dd>{stats ? `${stats.fps.toFixed(0)} fps` : '…'}</dd>
        </dl>
      )}
    </figure>
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
