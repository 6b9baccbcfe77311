import { useSession } from '../app/context.tsx'

/** Says, in words, whether the office is live or showing the cache while it reconnects. */
export function ConnectionBar() {
  const connection = useSession((s) => s.connection)
  const reason = useSession((s) => s.offlineReason)
  if (connection === 'online') return null
  return (
    <div className={`connection connection-${connection}`} role="status" aria-live="polite">
      {connection === 'offline' ? `Offline — reconnecting${reason ? ` (${reason})` : ''}. The floor is read-only.` : 'Connecting…'}
    </div>
  )
}
