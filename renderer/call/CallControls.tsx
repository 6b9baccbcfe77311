/**
 * The call's buttons: microphone, camera, screen share, expand, leave. They call the media rooms
 * API, never livekit-client's own toggles: devices are acquired only through the Platform.
 */
import { Maximize2, Mic, MicOff, PenLine, PhoneOff, ScreenShare, ScreenShareOff, Video, VideoOff } from 'lucide-react'
import { useState } from 'react'
import { useMedia, useOffice, usePresence } from '../app/context.tsx'
import { whiteboardOpen } from '../whiteboard/open-store.ts'

const AUDIENCE = 'stage-audience-reason'

/** The user closing the browser's picker is not an error worth a word. */
const cancelled = (err: unknown) => err instanceof DOMException && (err.name === 'NotAllowedError' || err.name === 'AbortError')

export function CallControls({ canPublish = true }: { canPublish?: boolean }) {
  const office = useOffice()
  const micOn = useMedia((s) => s.micOn)
  const camOn = useMedia((s) => s.camOn)
  const screenOn = useMedia((s) => s.screenOn)
  const expanded = useMedia((s) => s.expanded)
  const setLayout = useMedia((s) => s.setLayout)
  const [shareError, setShareError] = useState<string | null>(null)
  const roomId = usePresence((s) => s.self.room)
  const boardOpen = whiteboardOpen((s) => s.roomId !== null && s.roomId === roomId)

  const share = async () => {
    setShareError(null)
    const media = office.media()
    try {
      await (screenOn ? media?.stopScreenShare() : media?.startScreenShare())
    } catch (err) {
      if (!cancelled(err)) setShareError(`Could not share your screen: ${(err as Error).message}`)
    }
  }

  return (
    <>
      <div className="controls call-controls">
        {/* The audience of a stage room: the reason is CallModeration's line (stage-audience-reason). */}
        <button type="button" aria-pressed={micOn} aria-keyshortcuts="M" disabled={!canPublish} aria-describedby={canPublish ? undefined : AUDIENCE} onClick={() => void office.media()?.setMic(!micOn)}>
          {micOn ? <Mic size={16} aria-hidden="true" /> : <MicOff size={16} aria-hidden="true" />}
          {micOn ? 'Mute microphone' : 'Unmute microphone'}
        </button>
        <button type="button" aria-pressed={camOn} aria-keyshortcuts="V" disabled={!canPublish} aria-describedby={canPublish ? undefined : AUDIENCE} onClick={() => void office.media()?.setCamera(!camOn)}>
          {camOn ? <Video size={16} aria-hidden="true" /> : <VideoOff size={16} aria-hidden="true" />}
          {camOn ? 'Turn camera off' : 'Turn camera on'}
        </button>
        {canPublish && (
          <button type="button" aria-pressed={screenOn} onClick={() => void share()}>
            {screenOn ? <ScreenShareOff size={16} aria-hidden="true" /> : <ScreenShare size={16} aria-hidden="true" />}
            {screenOn ? 'Stop sharing' : 'Share screen'}
          </button>
        )}
        {!expanded && (
          <button type="button" className="call-expand" onClick={() => setLayout({ expanded: true })}>
            <Maximize2 size={16} aria-hidden="true" />
            Expand call
          </button>
        )}
        <button type="button" aria-pressed={boardOpen} disabled={!roomId} onClick={() => whiteboardOpen.getState().open(boardOpen ? null : roomId)}>
          <PenLine size={16} aria-hidden="true" />
          Whiteboard
        </button>
        <button type="button" className="call-leave" onClick={() => office.walking.goToDesk()}>
          <PhoneOff size={16} aria-hidden="true" />
          Leave room
        </button>
      </div>
      {shareError && <p role="alert">{shareError}</p>}
    </>
  )
}
