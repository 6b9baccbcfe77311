/** A shared screen: shown whole (not cropped), with who shares it, a Pin button and stats on request. */
import { VideoTrack, type TrackReference, type TrackReferenceOrPlaceholder } from '@livekit/components-react'
import { Pin, PinOff } from 'lucide-react'
import type { RemoteVideoTrack } from 'livekit-client'
import { TileStats } from './TileStats.tsx'

export interface ScreenTileProps {
  trackRef: TrackReferenceOrPlaceholder
  name: string
  pinned: boolean
  onPin(): void
}

export function ScreenShareTile({ trackRef, name, pinned, onPin }: ScreenTileProps) {
  const local = trackRef.participant.isLocal
  const who = local ? 'you' : name
  const track = trackRef.publication?.track
  return (
    <figure className={`tile tile-screen${pinned ? ' tile-pinned' : ''}`} aria-label={`Screen shared by ${who}`}>
      {track ? <VideoTrack trackRef={trackRef as TrackReference} aria-label={`Screen of ${who}`} className="tile-video" /> : <div className="tile-initials">…</div>}
      <figcaption>Screen of {who}</figcaption>
      <div className="tile-actions">
        <button type="button" className="tile-button" aria-pressed={pinned} aria-label={`${pinned ? 'Unpin' : 'Pin'} screen of ${who}`} title={pinned ? 'Unpin' : 'Pin'} onClick={onPin}>
          {pinned ? <PinOff size={14} aria-hidden="true" /> : <Pin size={14} aria-hidden="true" />}
        </button>
      </div>
      {!local && <TileStats track={(track as RemoteVideoTrack | undefined) ?? null} name={`the screen of ${name}`} />}
    </figure>
  )
}
