/**
 * New event: title, description, room, start and end, capacity, (optionally) the group it belongs
 * to, and (issue 14) a weekly repeat with its last day, and whom to invite. In a room hosts made
 * bookable it is a booking: a clash comes back as a 409 whose `clash` this says in local time.
 */
import { useEffect, useRef, useState, type FormEvent } from 'react'
import { Value } from 'typebox/value'
import { useStore } from 'zustand'
import { ClashSchema } from '../../protocol/calendar.ts'
import { atLeast } from '../../protocol/rules.ts'
import { useFloor, useSession } from '../app/context.tsx'
import { clashText } from '../calendar/format.ts'
import { describeError } from '../ui/errors.ts'
import { Field } from '../ui/Field.tsx'
import { useEventsApi } from './context.tsx'
import { eventsStore } from './events-store.ts'
import { fromLocalInput, toLocalInput } from './useCommunityApi.ts'

const QUARTER = 15 * 60_000

/** What went wrong, in words: a booking's clash in this device's time, anything else as the server said it. */
function sayError(err: unknown, startsAt: number): string {
  const clash = err && typeof err === 'object' && 'body' in err ? (err as { body: { clash?: unknown } }).body.clash : undefined
  return Value.Check(ClashSchema, clash) ? clashText(clash, startsAt) : describeError(err)
}

export function NewEventDialog({ onClose, roomId }: { onClose(): void; roomId?: string }) {
  const api = useEventsApi()
  const dialog = useRef<HTMLDialogElement>(null)
  const me = useSession((s) => s.me)
  const floors = useFloor((s) => s.floors)
  const members = useFloor((s) => s.members)
  const rooms = floors.flatMap((f) => f.rooms)
  const groups = useStore(eventsStore, (s) => s.groups)
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const [weekly, setWeekly] = useState(false)
  useEffect(() => dialog.current?.showModal(), [])
  if (!me) return null
  const host = atLeast(me.role, 'host')
  // Members make events for their groups, and book rooms hosts made bookable; hosts make any.
  const myGroups = Object.values(groups).filter((g) => host || g.members.includes(me.id))
  const people = Object.values(members).filter((m) => m.id !== me.id && m.role !== 'guest').sort((a, b) => a.name.localeCompare(b.name))
  const start = Math.ceil(Date.now() / QUARTER) * QUARTER

  const submit = (ev: FormEvent<HTMLFormElement>) => {
    ev.preventDefault()
    const form = ev.currentTarget
    const d = new FormData(form)
    const startsAt = fromLocalInput(String(d.get('starts')))
    const endsAt = fromLocalInput(String(d.get('ends')))
    if (!(endsAt > startsAt)) return setError('The event must end after it starts.')
    const groupId = String(d.get('group') ?? '')
    const until = String(d.get('until') ?? '')
    // The last day counts whole: its occurrence may start any time that day.
    const repeat = weekly ? { weekly: true as const, until: until ? fromLocalInput(`${until}T23:59`) : null } : null
    const invited = d.getAll('invited').map(String)
    setBusy(true)
    setError(null)
    api
      .createEvent({
        title: String(d.get('title')).trim(), description: String(d.get('description') ?? ''), roomId: String(d.get('room')),
        startsAt, endsAt, capacity: Number(d.get('capacity')), ...(groupId ? { groupId } : {}), ...(repeat ? { repeat } : {}), ...(invited.length ? { invited } : {}),
      })
      .then((made) => {
        eventsStore.getState().putEvent(made)
        dialog.current?.close()
      }, (err: unknown) => setError(sayError(err, startsAt)))
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
          <select name="room" required defaultValue={roomId}>
            {rooms.map((r) => (
              <option key={r.id} value={r.id}>
                {r.name}
              </option>
            ))}
          </select>
        </label>
        <Field label="Starts" name="starts" type="datetime-local" required defaultValue={toLocalInput(start)} />
        <Field label="Ends" name="ends" type="datetime-local" required defaultValue={toLocalInput(start + 4 * QUARTER)} />
        <label className="check">
          <input type="checkbox" name="weekly" checked={weekly} onChange={(e) => setWeekly(e.target.checked)} /> Repeats weekly
        </label>
        {weekly && <Field label="Last week on (optional)" name="until" type="date" />}
        <Field label="Capacity" name="capacity" type="number" required min={1} max={1000} defaultValue={20} />
        <label className="field">
          Group
          <select name="group" defaultValue={host ? '' : (myGroups[0]?.id ?? '')}>
            <option value="">No group</option>
            {myGroups.map((g) => (
              <option key={g.id} value={g.id}>
                {g.name}
              </option>
            ))}
          </select>
        </label>
        {people.length > 0 && (
          <label className="field">
            Invite
            <select name="invited" multiple size={Math.min(4, people.length)}>
              {people.map((m) => (
                <option key={m.id} value={m.id}>
                  {m.name}
                </option>
              ))}
            </select>
          </label>
        )}
        {!host && <p className="hint">Members book rooms hosts made bookable, and make events for their interest groups.</p>}
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
