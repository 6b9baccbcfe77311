/**
 * The room call, loaded on demand (components-react and its rxjs stay out of the start-up bundle).
 * `Call` is the panel beside the floor, "Call in <room>": its state, the strip of tiles, the
 * buttons and the call's audio. `CallFocus` is the expanded view over the floor. Both read the
 * media store's active `room` through components-react's RoomContext; only that room is heard.
 */
import { RoomAudioRenderer, RoomContext, StartAudio, useLocalParticipantPermissions } from '@livekit/components-react'
import { Suspense } from 'react'
import { lazyPart } from '../ui/lazy-part.ts'
import { useMedia, useSession } from '../app/context.tsx'
import { OfficeDoor } from '../media/OfficeDoor.tsx'
import { ReconnectBanner } from '../media/ReconnectBanner.tsx'
import type { MediaPhase } from '../stores/media/store.ts'
import { CallControls } from './CallControls.tsx'
import { CallStrip } from './CallStrip.tsx'
import { FocusView } from './FocusView.tsx'
import { CallModeration } from './moderation/CallModeration.tsx'
import { Reactions } from './Reactions.tsx'
import { useCallRoom } from './useCallRoom.ts'
import './call.css'
import { usePushToTalk } from './usePushToTalk.ts'

// The room's chat (issue 12) loads on its own, after the call: a call never waits on the chat's code.
const RoomChat = lazyPart(() => import('../chat/RoomChat.tsx').then((m) => ({ default: m.RoomChat })))
// The room's whiteboard (issue 14), with Excalidraw, only once Whiteboard is pressed.
const WhiteboardMount = lazyPart(() => import('../whiteboard/WhiteboardMount.tsx').then((m) => ({ default: m.WhiteboardMount })))

const PHASE_TEXT: Record<MediaPhase, string> = { connected: 'Connected', connecting: 'Connecting…', failed: 'Not connected', reconnecting: '', idle: '' }

export function Call() {
  usePushToTalk()
  const room = useCallRoom()
  const phase = useMedia((s) => s.phase)
  const error = useMedia((s) => s.error)
  const live = useMedia((s) => s.room)
  const expanded = useMedia((s) => s.expanded)
  const meId = useSession((s) => s.me?.id)

  return (
    <section className="stage call" aria-label={`Call in ${room?.name ?? 'room'}`}>
      <h2>
        {room?.name ?? 'Room'} <span className="call-state">{PHASE_TEXT[phase]}</span>
      </h2>
      <ReconnectBanner />
      {error && <p role="alert">{error}</p>}
      {live ? (
        <RoomContext value={live}>
          {expanded ? <p className="call-expanded-note">The call is expanded over the floor.</p> : <CallStrip />}
          <RoomAudioRenderer />
          {/* Shown only when the browser blocks sound until a click (its autoplay policy). */}
          <StartAudio label="Turn on the call's sound" className="call-start-audio" />
          {/* A preview shown before the server's answer may not publish yet: its controls wait for that. */}
          {phase === 'connecting' ? <CallControls /> : <LiveControls />}
        </RoomContext>
      ) : (
        <CallControls />
      )}
      <CallModeration room={room} live={live} />
      <Reactions />
      {room?.kind === 'private' && room.ownerId === meId && <OfficeDoor room={room} />}
      <Suspense fallback={null}>{room && <RoomChat roomId={room.id} />}</Suspense>
      <Suspense fallback={null}>{room && <WhiteboardMount roomId={room.id} roomName={room.name} />}</Suspense>
    </section>
  )
}

/** In a stage room the audience may not publish until a host brings them on stage: microphone and camera are off limits. */
function LiveControls() {
  const permissions = useLocalParticipantPermissions()
  return <CallControls canPublish={permissions?.canPublish ?? true} />
}

export function CallFocus() {
  const room = useCallRoom()
  const live = useMedia((s) => s.room)
  if (!live) return null
  return (
    <RoomContext value={live}>
      <FocusView roomName={room?.name ?? 'Room'} />
    </RoomContext>
  )
}
