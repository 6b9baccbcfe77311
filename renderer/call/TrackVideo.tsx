/**
 * A camera in a tile. Where the member looked in at the door first, the tile adopts the <video> the
 * preview warmed up for this track (services/media/warm-videos.ts), and gives it back when it goes:
 * its player is already running, so the first frames after the click are shown as they are
 * decoded. Otherwise it makes its own, as components-react's VideoTrack does. Attached through
 * livekit-client either way, so adaptive stream sizes and pauses the video by this element.
 */
import type { VideoTrack } from 'livekit-client'
import { useLayoutEffect, useRef } from 'react'
import { giveBack, takeWarm } from '../services/media/warm-videos.ts'

export function TrackVideo({ track, label, className }: { track: VideoTrack; label: string; className: string }) {
  const box = useRef<HTMLSpanElement>(null)
  const video = useRef<HTMLVideoElement | null>(null)
  // Put in the page in the same task as the tile: a layout effect, not after the next paint.
  useLayoutEffect(() => {
    const el = takeWarm(track.mediaStreamTrack) ?? document.createElement('video')
    track.attach(el)
    box.current!.append(el)
    video.current = el
    return () => {
      track.detach(el)
      giveBack(track.mediaStreamTrack, el)
      video.current = null
    }
  }, [track])
  useLayoutEffect(() => {
    const el = video.current
    if (!el) return
    el.className = className
    el.setAttribute('aria-label', label)
  }, [track, label, className])
  // display: contents: the <video> lays out as the tile's own child, as it did when React made it.
  return <span ref={box} style={{ display: 'contents' }} />
}
