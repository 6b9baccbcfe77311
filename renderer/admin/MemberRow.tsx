/** One member in the People and invites table: role (changeable as far as the viewer may), desk, last seen, removal with a confirm step. */
import { useEffect, useRef, useState } from 'react'
import type { Member, Role } from '../../protocol/api.ts'
import { mayRemove, roleChoices } from './roles.ts'

export interface MemberRowProps {
  member: Member
  viewer: { id: string; role: Role }
  desk: string
  lastSeen: string
  /** Runs an action, reporting a failure; resolves whether it succeeded. */
  run(action: () => Promise<void>): Promise<boolean>
  setRole(memberId: string, role: Role): Promise<void>
  remove(memberId: string): Promise<void>
}

export function MemberRow({ member, viewer, desk, lastSeen, run, setRole, remove }: MemberRowProps) {
  const { name } = member
  const choices = roleChoices(viewer, member)
  const [role, setPending] = useState<Role>(member.role)
  const [confirming, setConfirming] = useState(false)
  const [busy, setBusy] = useState(false)
  const confirmButton = useRef<HTMLButtonElement>(null)
  const removeButton = useRef<HTMLButtonElement>(null)
  const returnFocus = useRef(false)

  // The server's answer wins: a refused change, or a change made elsewhere, shows the real role.
  useEffect(() => setPending(member.role), [member.role])
  // The confirm step takes the keyboard; cancelling it gives the keyboard back to Remove.
  useEffect(() => {
    if (confirming) confirmButton.current?.focus()
    else if (returnFocus.current) removeButton.current?.focus()
    returnFocus.current = false
  }, [confirming])

  const act = async (action: () => Promise<void>) => {
    setBusy(true)
    const ok = await run(action)
    setBusy(false)
    return ok
  }
  const saveRole = async () => {
    if (!(await act(() => setRole(member.id, role)))) setPending(member.role)
  }
  /** Removed: the row goes. Refused or stopped halfway: the confirm step closes, the keyboard back on the row's button. */
  const confirmRemoval = async () => {
    if (await act(() => remove(member.id))) return
    returnFocus.current = true
    setConfirming(false)
  }
  const cancel = () => {
    returnFocus.current = true
    setConfirming(false)
  }

  return (
    <tr>
      <th scope="row">
        {viewer.id === member.id ? `${name} (you)` : name}
        {member.removingSince !== undefined && <span className="removing"> (being removed)</span>}
      </th>
      <td>
        {choices.length === 0 ? (
          member.role
        ) : (
          <>
            <select aria-label={`Role for ${name}`} value={role} disabled={busy} onChange={(e) => setPending(e.target.value as Role)}>
              {choices.map((r) => (
                <option key={r} value={r}>
                  {r}
                </option>
              ))}
            </select>
            {role !== member.role && (
              <button type="button" disabled={busy} onClick={() => void saveRole()}>
                Save role for {name}
              </button>
            )}
          </>
        )}
      </td>
      <td>{desk}</td>
      <td>{lastSeen}</td>
      <td>
        {(member.removingSince !== undefined || mayRemove(viewer, member)) &&
          (confirming ? (
            <span
              role="group"
              aria-label={`Remove ${name}?`}
              onKeyDown={(e) => {
                // Escape here steps back from removing, instead of closing the whole view.
                if (e.key !== 'Escape') return
                e.preventDefault()
                cancel()
              }}
            >
              Remove {name} from the workspace?{' '}
              <button type="button" ref={confirmButton} disabled={busy} onClick={() => void confirmRemoval()}>
                Yes, remove {name}
              </button>{' '}
              <button type="button" disabled={busy} onClick={cancel}>
                Cancel
              </button>
            </span>
          ) : member.removingSince !== undefined ? (
            // Decided already and stopped halfway (the media server did not answer): finishing needs no confirmation.
            <button type="button" ref={removeButton} disabled={busy} onClick={() => void act(() => remove(member.id))}>
              Finish removing {name}
            </button>
          ) : (
            <button type="button" ref={removeButton} onClick={() => setConfirming(true)}>
              Remove {name}
            </button>
          ))}
      </td>
    </tr>
  )
}
