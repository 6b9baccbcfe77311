/** The members of the workspace with role, desk and last seen; a filter shows who has no desk. */
import { useMemo, useState, type RefObject } from 'react'
import { useShallow } from 'zustand/react/shallow'
import type { Member, Role } from '../../protocol/api.ts'
import type { Floor } from '../../protocol/floor/records.ts'
import { useFloor, usePresence } from '../app/context.tsx'
import { lastSeenText } from './last-seen.ts'
import { MemberRow } from './MemberRow.tsx'

export interface MembersTableProps {
  viewer: Member
  /** The table's heading, where the keyboard lands after a removal takes its row away. */
  headingRef: RefObject<HTMLHeadingElement | null>
  run(action: () => Promise<void>): Promise<boolean>
  setRole(memberId: string, role: Role): Promise<void>
  remove(memberId: string): Promise<void>
}

/** Each assigned desk's label by member, read from the floor plan so live edits show at once. */
function desksByMember(floors: readonly Floor[]): Map<string, string> {
  const desks = new Map<string, string>()
  for (const floor of floors) {
    for (const desk of floor.desks) {
      if (desk.assigneeId) desks.set(desk.assigneeId, floors.length > 1 ? `Desk ${desk.label} (${floor.name})` : `Desk ${desk.label}`)
    }
  }
  return desks
}

export function MembersTable({ viewer, headingRef, run, setRole, remove }: MembersTableProps) {
  const members = useFloor((s) => s.members)
  const floors = useFloor((s) => s.floors)
  // Only who is online matters here, not where they walk: peers change ten times a second.
  const online = usePresence(useShallow((s) => Object.keys(s.peers)))
  const seenHere = usePresence((s) => s.lastSeen)
  const [withoutDesk, setWithoutDesk] = useState(false)

  const desks = useMemo(() => desksByMember(floors), [floors])
  const sorted = useMemo(() => Object.values(members).sort((a, b) => a.name.localeCompare(b.name)), [members])
  const deskless = sorted.filter((m) => !desks.has(m.id))
  const shown = withoutDesk ? deskless : sorted
  const now = Date.now()
  const isOnline = (id: string) => id === viewer.id || online.includes(id)
  const seenAt = (m: Member) => Math.max(m.lastSeenAt ?? 0, seenHere[m.id] ?? 0) || null

  return (
    <section aria-labelledby="people-admin-members">
      <h3 id="people-admin-members" ref={headingRef} tabIndex={-1}>
        Members ({sorted.length})
      </h3>
      <label>
        <input type="checkbox" checked={withoutDesk} onChange={(e) => setWithoutDesk(e.target.checked)} /> Without a desk
      </label>{' '}
      <span>{deskless.length === 0 ? 'Everyone has a desk.' : `${deskless.length} without a desk.`}</span>
      <table aria-labelledby="people-admin-members">
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Role</th>
            <th scope="col">Desk</th>
            <th scope="col">Last seen</th>
            <th scope="col">Actions</th>
          </tr>
        </thead>
        <tbody>
          {shown.map((m) => (
            <MemberRow
              key={m.id}
              member={m}
              viewer={viewer}
              desk={desks.get(m.id) ?? 'No desk'}
              lastSeen={lastSeenText(isOnline(m.id), seenAt(m), now)}
              run={run}
              setRole={setRole}
              remove={remove}
            />
          ))}
        </tbody>
      </table>
    </section>
  )
}
