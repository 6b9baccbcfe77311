/** Hosts: a new channel, public (anyone may join) or private (by invitation: pick its people). */
import { useEffect, useRef, useState } from 'react'
import { useFloor, useSession } from '../app/context.tsx'
import { Field } from '../ui/Field.tsx'
import { failure, useChatService } from './hooks.ts'
import { PeoplePicker } from './PeoplePicker.tsx'

const NAME = /^[a-z0-9][a-z0-9_-]{0,79}$/

export function NewChannelDialog({ onClose }: { onClose(): void }) {
  const service = useChatService()
  const dialog = useRef<HTMLDialogElement>(null)
  const members = useFloor((s) => s.members)
  const me = useSession((s) => s.me?.id)
  const [name, setName] = useState('')
  const [isPrivate, setPrivate] = useState(false)
  const [people, setPeople] = useState<string[]>([])
  const [error, setError] = useState<string | null>(null)
  useEffect(() => dialog.current?.showModal(), [])

  const slug = name.trim().replace(/^#/, '').toLowerCase().replace(/\s+/g, '-')
  const create = async () => {
    if (!NAME.test(slug)) return setError('A channel name is lower-case letters, digits, - and _ (up to 80), starting with a letter or digit.')
    try {
      const c = await service.createChannel({ name: slug, private: isPrivate, ...(isPrivate ? { members: people } : {}) })
      await service.open(c.id)
      dialog.current?.close()
    } catch (err) {
      setError(failure(err))
    }
  }
  return (
    <dialog ref={dialog} className="dialog" aria-labelledby="new-channel-title" onClose={onClose}>
      <h2 id="new-channel-title">New channel</h2>
      <form
        aria-labelledby="new-channel-title"
        onSubmit={(e) => {
          e.preventDefault()
          void create()
        }}
      >
        <Field label="Channel name" autoFocus value={name} maxLength={81} onChange={(e) => setName(e.target.value)} placeholder="e.g. design" />
        <label className="keep-signed-in">
          <input type="checkbox" checked={isPrivate} onChange={(e) => setPrivate(e.target.checked)} /> Private: only people invited can read it
        </label>
        {isPrivate && <PeoplePicker label="Invite people" members={members} exclude={me ?? null} chosen={people} onChange={setPeople} max={500} />}
        {error && <p role="alert" className="form-error">{error}</p>}
        <button type="submit">Create channel</button>
      </form>
      <button type="button" onClick={() => dialog.current?.close()}>
        Cancel
      </button>
    </dialog>
  )
}
