/**
 * Creates an invite with a role, an optional email, the rooms a guest may enter and an expiry, and
 * then shows its link once (the server keeps only a hash of the code). Shared by the People and
 * invites view and the Invite people dialog.
 */
import { useEffect, useId, useRef, useState, type FormEvent } from 'react'
import type { CreateInviteBody, Invite, Role } from '../../protocol/api.ts'
import type { RoomChoice } from './useInviteChoices.ts'

const DEFAULT_DAYS = 7
const MAX_DAYS = 30

export interface InviteFormProps {
  roles: readonly Role[]
  rooms: readonly RoomChoice[]
  /** Creates the invite; null when it failed (the caller has said why). */
  create(body: CreateInviteBody): Promise<Invite | null>
  /** Take the keyboard to the first field on mount (when the form replaces what had it). */
  focusOnMount?: boolean
}

export function InviteForm({ roles, rooms, create, focusOnMount = false }: InviteFormProps) {
  const id = useId()
  const [role, setRole] = useState<Role>(roles.includes('member') ? 'member' : (roles[0] ?? 'member'))
  const [email, setEmail] = useState('')
  const [chosen, setChosen] = useState<ReadonlySet<string>>(new Set())
  const [days, setDays] = useState(String(DEFAULT_DAYS))
  const [busy, setBusy] = useState(false)
  const [invite, setInvite] = useState<Invite | null>(null)
  const [copied, setCopied] = useState(false)
  const link = useRef<HTMLInputElement>(null)
  const first = useRef<HTMLSelectElement>(null)

  useEffect(() => {
    if (focusOnMount) first.current?.focus()
  }, [focusOnMount])

  // The link is shown once: take the keyboard to it so it can be copied straight away.
  useEffect(() => {
    if (invite) link.current?.focus()
  }, [invite])

  const toggleRoom = (roomId: string, on: boolean) =>
    setChosen((s) => {
      const next = new Set(s)
      if (on) next.add(roomId)
      else next.delete(roomId)
      return next
    })

  const submit = async (e: FormEvent) => {
    e.preventDefault()
    setBusy(true)
    setCopied(false)
    const body: CreateInviteBody = {
      role,
      expiresInHours: Math.round(Number(days) * 24),
      ...(email.trim() ? { email: email.trim() } : {}),
      ...(role === 'guest' ? { rooms: [...chosen] } : {}),
    }
    const created = await create(body)
    setBusy(false)
    if (created) setInvite(created)
  }

  const copy = () => {
    if (!invite) return
    void navigator.clipboard?.writeText(invite.url).then(() => setCopied(true), () => link.current?.select())
  }

  return (
    <>
      <form aria-label="Create an invite" onSubmit={(e) => void submit(e)} className="invite-form">
        <label htmlFor={`${id}-role`}>Role</label>
        <select id={`${id}-role`} ref={first} value={role} onChange={(e) => setRole(e.target.value as Role)}>
          {roles.map((r) => (
            <option key={r} value={r}>
              {r}
            </option>
          ))}
        </select>
        <label htmlFor={`${id}-email`}>Email (optional)</label>
        <input id={`${id}-email`} type="email" value={email} onChange={(e) => setEmail(e.target.value)} autoComplete="off" />
        {role === 'guest' && (
          <fieldset>
            <legend>Rooms the guest may enter</legend>
            {rooms.map((r) => (
              <label key={r.id}>
                <input type="checkbox" checked={chosen.has(r.id)} onChange={(e) => toggleRoom(r.id, e.target.checked)} /> {r.label}
              </label>
            ))}
          </fieldset>
        )}
        <label htmlFor={`${id}-days`}>Expires in (days)</label>
        <input id={`${id}-days`} type="number" min={1} max={MAX_DAYS} step={1} required value={days} onChange={(e) => setDays(e.target.value)} />
        <button type="submit" disabled={busy}>
          {busy ? 'Creating…' : 'Create invite'}
        </button>
      </form>
      {invite && (
        <div className="invite-link">
          <label htmlFor={`${id}-link`}>
            Invite link, shown only now: it works once and expires {new Date(invite.expiresAt).toLocaleDateString()}.
          </label>
          <input id={`${id}-link`} ref={link} readOnly value={invite.url} onFocus={(e) => e.currentTarget.select()} />
          <button type="button" onClick={copy}>
            Copy link
          </button>
          <span role="status">{copied ? 'Copied' : ''}</span>
        </div>
      )}
    </>
  )
}
