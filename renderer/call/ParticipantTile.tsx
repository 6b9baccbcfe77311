/**
 * One person in the call: their camera (or initials), name, microphone state, speaking ring and
 * connection quality, a Pin button and stats on request. The <video> is sized by its tile, so
 * adaptive stream asks the sender for the resolution the tile shows. A thumbnail also asks for
 * half the frame rate (the SFU forwards fewer of the camera's temporal layers), which about halves
 * what decoding and painting a strip of cameras costs; the stage and the focus grid get all of it.
 */
import { useConnectionQualityIndicator, useIsMuted, useIsSpeaking, type TrackReferenceOrPlaceholder } from '@livekit/components-react'
import { MicOff, Pin, PinOff } from 'lucide-react'
import { RemoteTrackPublication, Track, type RemoteVideoTrack, type VideoTrack } from 'livekit-client'
import { useEffect, useMemo, type ReactNode } from 'react'
import { useFloor } from '../app/context.tsx'
import { usePhotoUrls } from '../directory/photos.ts'
import { initials } from '../floor/labels.ts'
import { QualityBars } from './QualityBars.tsx'
import { useRatedQuality } from './received-quality.ts'
import { TileStats } from './TileStats.tsx'
import { TrackVideo } from './TrackVideo.tsx'

export interface TileProps {
  trackRef: TrackReferenceOrPlaceholder
  /** Display name from the member directory. */
  name: string
  /** The active speaker: emphasised. */
  active: boolean
  pinned: boolean
  onPin(): void
  /** Low power: show initials instead of this camera. */
  videoOff: boolean
  /** The host's menu for this person, when one applies. */
  menu?: ReactNode
  /** A small tile of the strip: its camera is received at THUMBNAIL_FPS. */
  thumbnail?: boolean
}

/**
 * Frames per second a thumbnail asks for, and what any other tile asks for (the camera's full rate).
 * The SFU forwards the lowest temporal layer that reaches the rate asked for; a camera sends three
 * (¼, ½ and all of its rate), so 10 is half the rate of a 30 fps camera (15) or a 20 fps one (10).
 */
export const THUMBNAIL_FPS = 10
const FULL_FPS = 30

export function ParticipantTile({ trackRef, name, active, pinned, onPin, videoOff, menu, thumbnail = false }: TileProps) {
  const p = trackRef.participant
  const micMuted = useIsMuted({ participant: p, source: Track.Source.Microphone })
  // LiveKit's speaker list lags a mute by up to a second: a muted microphone is never speaking.
  const speaking = useIsSpeaking(p) && !micMuted
  const cameraMuted = useIsMuted(trackRef)
  const quality = useRatedQuality(p, useConnectionQualityIndicator({ participant: p }).quality)
  // An unsubscribed camera (Low power) keeps its last track object for a while: show initials, not a frozen frame.
  const track = trackRef.publication?.isSubscribed ? trackRef.publication.track : undefined
  const showVideo = !!track && !cameraMuted && !videoOff
  const publication = trackRef.publication
  useEffect(() => {
    if (publication instanceof RemoteTrackPublication && track) publication.setVideoFPS(thumbnail ? THUMBNAIL_FPS : FULL_FPS)
  }, [track, publication, thumbnail])
  const who = p.isLocal ? 'You' : name
  // Their profile photo (issue 13) in place of initials, when they have one.
  const member = useFloor((s) => s.members[p.identity])
  const photo = usePhotoUrls(useMemo(() => (member ? { [p.identity]: member } : {}), [member, p.identity]))[p.identity]
  const label = `${who}${micMuted ? ', muted' : ''}${speaking ? ', speaking' : ''}`
  const classes = ['tile', speaking && 'tile-speaking', active && 'tile-active', pinned && 'tile-pinned'].filter(Boolean).join(' ')
  return (
    <figure className={classes} aria-label={label}>
      {showVideo ? (
        <TrackVideo track={track as VideoTrack} label={`Video of ${p.isLocal ? 'you' : name}`} className="tile-video" />
      ) : (
        <div className="tile-initials" aria-hidden="true">
          {photo ? <img src={photo} alt="" style={{ width: 72, height: 72, borderRadius: '50%', objectFit: 'cover' }} /> : initials(name)}
        </div>
      )}
      <figcaption>
        {micMuted && <MicOff size={14} aria-hidden="true" />}
        {who}
        {micMuted ? <span className="visually-hidden"> (muted)</span> : null}
      </figcaption>
      <QualityBars quality={quality} />
      <div className="tile-actions">
        <button type="button" className="tile-button" aria-pressed={pinned} aria-label={`${pinned ? 'Unpin' : 'Pin'} ${p.isLocal ? 'yourself' : name}`} title={pinned ? 'Unpin' : 'Pin'} onClick={onPin}>
          {pinned ? <PinOff size={14} aria-hidden="true" /> : <Pin size={14} aria-hidden="true" />}
        </button>
        {menu}
      </div>
      {!p.isLocal && <TileStats track={showVideo ? (track as RemoteVideoTrack) : null} name={name} />}
    </figure>
  )
}
