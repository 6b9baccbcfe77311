/** New event: title, description, room, start and end, capacity, and (optionally) the group it belongs to. */
import { useEffect, useRef, useState, type FormEvent } from 'react'
import { useStore } from 'zustand'
import { atLeast } from '../../protocol/rules.ts'
import { useFloor, useSession } from '../app/context.tsx'
import { describeError } from '../ui/errors.ts'
import { Field } from '../ui/Field.tsx'
import { useEventsApi } from './context.tsx'
import { eventsStore } from './events-store.ts'
import { fromLocalInput, toLocalInput } from './useCommunityApi.ts'

const QUARTER = 15 * 60_000

export function NewEventDialog({ onClose }: { onClose(): void }) {
  const api = useEventsApi()
  const dialog = useRef<HTMLDialogElement>(null)
  const me = useSession((s) => s.me)
  const floors = useFloor((s) => s.floors)
  const rooms = floors.flatMap((f) => f.rooms)
  const groups = useStore(eventsStore, (s) => s.groups)
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  useEffect(() => dialog.current?.showModal(), [])
  if (!me) return null
  const host = atLeast(me.role, 'host')
  // Members make events for their groups only; hosts for anyone.
  const myGroups = Object.values(groups).filter((g) => host || g.members.includes(me.id))
  const start = Math.ceil(Date.now() / QUARTER) * QUARTER

  const submit = (ev: FormEvent<HTMLFormElement>) => {
    ev.preventDefault()
    const d = new FormData(ev.currentTarget)
    const startsAt = fromLocalInput(String(d.get('starts')))
    const endsAt = fromLocalInput(String(d.get('ends')))
    if (!(endsAt > startsAt)) return setError('The event must end after it starts.')
    const groupId = String(d.get('group') ?? '')
    setBusy(true)
    setError(null)
    api
      .createEvent({
        title: String(d.get('title')).trim(), description: String(d.get('description') ?? ''), roomId: String(d.get('room')),
        startsAt, endsAt, capacity: Number(d.get('capacity')), ...(groupId ? { groupId } : {}),
      })
      .then((made) => {
        eventsStore.getState().putEvent(made)
        dialog.current?.close()
      }, (err: unknown) => setError(describeError(err)))
      .finally(() => setBusy(false))
  }
  return (
    <dialog ref={dialog} className="dialog" aria-labelledby="new-event-title" onClose={onClose}>
      <h2 id="new-event-title">New event</h2>
      <form aria-labelledby="new-event-title" onSubmit={submit}>
        <Field label="Title" name="title" required maxLength={120} />
        <label className="field">
          Description
          <textarea name="description" maxLength={2000} rows={3} />
        </label>
        <label className="field">
          Room
          <select name="room" required>
            {rooms.map((r) => (
              <option key={r.id} value={r.id}>
                {r.name}
              </option>
            ))}
          </select>
        </label>
        <Field label="Starts" name="starts" type="datetime-local" required defaultValue={toLocalInput(start)} />
        <Field label="Ends" name="ends" type="datetime-local" required defaultValue={toLocalInput(start + 4 * QUARTER)} />
        <Field label="Capacity" name="capacity" type="number" required min={1} max={1000} defaultValue={20} />
        <label className="field">
          Group
          <select name="group" defaultValue={host ? '' : (myGroups[0]?.id ?? '')} required={!host}>
            {host && <option value="">No group</option>}
            {myGroups.map((g) => (
              <option key={g.id} value={g.id}>
                {g.name}
              </option>
            ))}
          </select>
        </label>
        {!host && myGroups.length === 0 && <p>Join or create an interest group first: members make events for their groups.</p>}
        {error && (
          <p className="form-error" role="alert">
            {error}
          </p>
        )}
        <div className="dialog-actions">
          <button type="button" onClick={() => dialog.current?.close()}>
            Cancel
          </button>
          <button type="submit" disabled={busy}>
            Create event
          </button>
        </div>
      </form>
    </dialog>
  )
}
