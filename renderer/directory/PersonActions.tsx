/** What you can do about someone from their profile: walk to their desk, wave, message them, star them. */
import { useState } from 'react'
import { useOffice, usePresence, useSocial } from '../app/context.tsx'
import { showChat } from '../chat/show.ts'
import { failure } from './context.ts'

export function PersonActions({ id, name, deskId }: { id: string; name: string; deskId: string | null }) {
  const office = useOffice()
  const online = usePresence((s) => !!s.peers[id])
  const starred = useSocial((s) => s.stars.includes(id))
  const [error, setError] = useState<string | null>(null)
  const run = (act: () => Promise<unknown>) => void act().then(() => setError(null), (err: unknown) => setError(failure(err)))
  const message = async () => {
    const conversation = await office.chat.openDm([id])
    showChat()
    await office.chat.open(conversation)
  }
  return (
    <div className="directory-actions">
      <button type="button" disabled={!deskId} onClick={() => deskId && office.walking.goToDesk(deskId)}>
        Go to desk
      </button>
      <button type="button" disabled={!online} onClick={() => run(() => office.social.wave(id))}>
        Wave
      </button>
      <button type="button" onClick={() => run(message)}>
        Message
      </button>
      <button type="button" aria-pressed={starred} title={`Tell me when ${name} is available`} onClick={() => run(() => office.social.toggleStar(id))}>
        {starred ? 'Starred' : 'Star'}
      </button>
      {error && <p role="alert" className="form-error">{error}</p>}
    </div>
  )
}
