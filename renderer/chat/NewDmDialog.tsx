/** A direct message with up to 7 others (8 people with me): opens the existing one for the same people. */
import { useEffect, useRef, useState } from 'react'
import { useFloor, useSession } from '../app/context.tsx'
import { MAX_DM_MEMBERS } from '../../protocol/chat.ts'
import { failure, useChatService } from './hooks.ts'
import { PeoplePicker } from './PeoplePicker.tsx'

export function NewDmDialog({ onClose }: { onClose(): void }) {
  const service = useChatService()
  const dialog = useRef<HTMLDialogElement>(null)
  const members = useFloor((s) => s.members)
  const me = useSession((s) => s.me?.id)
  const [people, setPeople] = useState<string[]>([])
  const [error, setError] = useState<string | null>(null)
  useEffect(() => dialog.current?.showModal(), [])

  const start = async () => {
    if (people.length === 0) return setError('Pick at least one person.')
    try {
      const id = await service.openDm(people)
      await service.open(id)
      dialog.current?.close()
    } catch (err) {
      setError(failure(err))
    }
  }
  return (
    <dialog ref={dialog} className="dialog" aria-labelledby="new-dm-title" onClose={onClose}>
      <h2 id="new-dm-title">New message</h2>
      <form
        aria-labelledby="new-dm-title"
        onSubmit={(e) => {
          e.preventDefault()
          void start()
        }}
      >
        <PeoplePicker label="To" members={members} exclude={me ?? null} chosen={people} onChange={setPeople} max={MAX_DM_MEMBERS - 1} />
        {error && <p role="alert" className="form-error">{error}</p>}
        <button type="submit">Open conversation</button>
      </form>
      <button type="button" onClick={() => dialog.current?.close()}>
        Cancel
      </button>
    </dialog>
  )
}
