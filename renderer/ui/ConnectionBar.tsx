import { useEffect, useState } from 'react'
import { useSession } from '../app/context.tsx'

/**
 * Says, in words, whether the office is live, showing the cache while it reconnects, or trying
 * again after losing the server or LiveKit ("Reconnecting…", not the first start's "Connecting…").
 */
export function ConnectionBar() {
  const connection = useSession((s) => s.connection)
  const reason = useSession((s) => s.offlineReason)
  const [wasLive, setWasLive] = useState(false)
  useEffect(() => {
    if (connection !== 'connecting') setWasLive(true)
  }, [connection])
  if (connection === 'online') return null
  return (
    <div className={`connection connection-${connection}`} role="status" aria-live="polite">
      {connection === 'offline' ? `Offline — reconnecting${reason ? ` (${reason})` : ''}. The floor is read-only.` : wasLive ? 'Reconnecting…' : 'Connecting…'}
    </div>
  )
}
