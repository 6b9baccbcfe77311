/**
 * A room's properties: name, kind, capacity, lock, its company (and whether only that company's
 * members walk in), who may walk in, and the owner of a private office. A private office's kind, owner and allowed list are its owner's (and the workspace
 * owners') to change, as the server rules (server/floor/private-rules.ts): for anyone else those
 * controls are disabled, with the reason beside them.
 */
import { useId, useState } from 'react'
import type { Member } from '../../../protocol/api.ts'
import type { Room, RoomKind } from '../../../protocol/floor/records.ts'
import { useFloor, useSession } from '../../app/context.tsx'
import { CommitField } from './CommitField.tsx'
import { CompanyField } from './CompanyField.tsx'
import { roomKinds } from './placement.ts'
import { useCommit } from './useCommit.ts'

type RoomChanges = Partial<Omit<Room, 'id'>>

/** Whether `me` may change who may enter `room` (its kind, owner and allowed list). */
const mayChangeDoor = (room: Room, me: Pick<Member, 'id' | 'role'> | null): boolean =>
  room.kind !== 'private' || room.ownerId === null || me?.role === 'owner' || room.ownerId === me?.id

export function RoomProperties({ room }: { room: Room }) {
  const commit = useCommit()
  const members = useFloor((s) => s.members)
  const me = useSession((s) => s.me)
  const [error, setError] = useState<string | null>(null)
  const kindId = useId()
  const ownerId = useId()
  const doorHint = useId()
  const othersOffice = !mayChangeDoor(room, me)
  const officeOwner = room.ownerId === null ? undefined : members[room.ownerId]?.name
  const door = othersOffice ? { disabled: true, 'aria-describedby': doorHint } : {}
  const update = (changes: RoomChanges) => commit([{ op: 'room.update', id: room.id, changes }])
  // Selects and checkboxes commit on change; a refusal shows under them until the next change.
  const change = (changes: RoomChanges) => void update(changes).then(setError)
  const people = Object.values(members).sort((a, b) => a.name.localeCompare(b.name))
  const allow = (id: string, on: boolean) => change({ allowed: on ? [...room.allowed, id] : room.allowed.filter((a) => a !== id) })

  return (
    <div className="properties-body">
      <CommitField label="Name" value={room.name} onCommit={(text) => update({ name: text.trim() })} />
      <div className="field">
        <label htmlFor={kindId}>Kind</label>
        <select id={kindId} value={room.kind} onChange={(e) => change({ kind: e.target.value as RoomKind })} {...door}>
          {(Object.keys(roomKinds) as RoomKind[]).map((kind) => (
            <option key={kind} value={kind}>
              {roomKinds[kind].label}
            </option>
          ))}
        </select>
      </div>
      {othersOffice && (
        <p id={doorHint} className="hint">
          This is {officeOwner ? `${officeOwner}'s` : "someone's"} private office: only they or a workspace owner can change its kind, owner or allowed members.
        </p>
      )}
      <CommitField
        label="Capacity"
        type="number"
        min={1}
        max={500}
        value={String(room.capacity)}
        // An empty field is not "0 people": it goes as NaN so the refusal names the field.
        onCommit={(text) => update({ capacity: text.trim() === '' ? Number.NaN : Number(text) })}
      />
      <label className="check">
        <input type="checkbox" checked={room.locked} onChange={(e) => change({ locked: e.target.checked })} />
        Locked
      </label>
      <CompanyField value={room.companyId} onChange={(companyId) => change(companyId ? { companyId } : { companyId: null, companyOnly: false })} />
      <label className="check">
        <input type="checkbox" checked={room.companyOnly === true} disabled={!room.companyId} onChange={(e) => change({ companyOnly: e.target.checked })} />
        Company only
      </label>
      <label className="check">
        <input type="checkbox" checked={room.bookable === true} onChange={(e) => change({ bookable: e.target.checked })} />
        Bookable
      </label>
      {room.kind === 'private' && (
        <div className="field">
          <label htmlFor={ownerId}>Owner</label>
          <select id={ownerId} value={room.ownerId ?? ''} onChange={(e) => change({ ownerId: e.target.value || null })} {...door}>
            <option value="">Nobody</option>
            {people.map((m) => (
              <option key={m.id} value={m.id}>
                {m.name}
              </option>
            ))}
          </select>
        </div>
      )}
      <fieldset className="member-list" {...door}>
        <legend>Allowed members</legend>
        {people.length === 0 && <p className="hint">No members yet.</p>}
        {people.map((m) => (
          <label key={m.id} className="check">
            <input type="checkbox" checked={room.allowed.includes(m.id)} onChange={(e) => allow(m.id, e.target.checked)} />
            {m.name}
          </label>
        ))}
      </fieldset>
      {error && (
        <p className="panel-error">
          {error}
        </p>
      )}
    </div>
  )
}
