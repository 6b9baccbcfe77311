/** Adds people to a private channel the member belongs to (they read it from then on, history included). */
import { useEffect, useMemo, useRef, useState } from 'react'
import { useFloor } from '../app/context.tsx'
import type { ConversationSummary } from '../../protocol/chat.ts'
import { failure, useChatService } from './hooks.ts'
import { PeoplePicker } from './PeoplePicker.tsx'

/** How many people one request may add (the API's bound). */
const MAX_ADDED = 500

export function AddPeopleDialog({ channel, name, onClose }: { channel: ConversationSummary; name: string; onClose(): void }) {
  const service = useChatService()
  const dialog = useRef<HTMLDialogElement>(null)
  const members = useFloor((s) => s.members)
  // Only people not in it yet can be picked.
  const outside = useMemo(() => Object.fromEntries(Object.entries(members).filter(([id]) => !channel.members.includes(id))), [members, channel.members])
  const [people, setPeople] = useState<string[]>([])
  const [error, setError] = useState<string | null>(null)
  useEffect(() => dialog.current?.showModal(), [])

  const add = async () => {
    if (people.length === 0) return setError('Pick at least one person.')
    try {
      await service.invite(channel.id, people)
      dialog.current?.close()
    } catch (err) {
      setError(failure(err))
    }
  }
  return (
    <dialog ref={dialog} className="dialog" aria-labelledby="add-people-title" onClose={onClose}>
      <h2 id="add-people-title">
        Add people to <bdi>{name}</bdi>
      </h2>
      <form
        aria-labelledby="add-people-title"
        onSubmit={(e) => {
          e.preventDefault()
          void add()
        }}
      >
        <PeoplePicker label="People" members={outside} exclude={null} chosen={people} onChange={setPeople} max={MAX_ADDED} />
        {error && <p role="alert" className="form-error">{error}</p>}
        <button type="submit">Add</button>
      </form>
      <button type="button" onClick={() => dialog.current?.close()}>
        Cancel
      </button>
    </dialog>
  )
}
