/**
 * "Reconnecting…" while LiveKit resumes the call (or it is being joined again after a drop), and
 * "Reconnected" for a few seconds once it is back. A live region, so a screen reader hears both.
 */
import { useMedia } from '../app/context.tsx'

export function ReconnectBanner() {
  const phase = useMedia((s) => s.phase)
  const notice = useMedia((s) => s.notice)
  const text = phase === 'reconnecting' ? 'Reconnecting…' : notice === 'reconnected' ? 'Reconnected' : ''
  return (
    <p role="status" className="call-reconnect" data-state={text ? phase : undefined}>
      {text}
    </p>
  )
}
