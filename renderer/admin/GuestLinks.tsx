/**
 * Issue 13: guest links in People and invites. A link opens one room for a time window to someone
 * outside, who joins from a browser with a name only; its address is shown once (the server keeps
 * a hash of its code). Open links are listed with their windows, and can be revoked.
 */
import { useCallback, useEffect, useId, useState, type FormEvent } from 'react'
import type { GuestLink } from '../../protocol/community.ts'
import { useFloor } from '../app/context.tsx'
import { fromLocalInput, timeOf, toLocalInput, useCommunityApi } from '../events/useCommunityApi.ts'
import { ApiError } from '../services/api.ts'
import { describeError } from '../ui/errors.ts'
import { Field } from '../ui/Field.tsx'

const HOUR = 3_600_000

/** `companyId`: a company admin's links (in the Companies dialog), for that company's rooms only. */
export function GuestLinks({ companyId }: { companyId?: string } = {}) {
  const api = useCommunityApi()
  const floors = useFloor((s) => s.floors)
  const rooms = floors.flatMap((f) => f.rooms).filter((r) => !companyId || r.companyId === companyId)
  const title = useId()
  const [links, setLinks] = useState<GuestLink[]>([])
  const [made, setMade] = useState<string | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  // Hosts and company admins make guest links; the server says who (a 403 hides the section).
  const [denied, setDenied] = useState(false)
  const reload = useCallback(() => {
    if (api) void api.guestLinks().then(setLinks, (err: unknown) => (err instanceof ApiError && err.status === 403 ? setDenied(true) : setError(describeError(err))))
  }, [api])
  useEffect(reload, [reload])
  if (!api || denied) return null
  const roomName = (id: string) => rooms.find((r) => r.id === id)?.name ?? id

  const create = (ev: FormEvent<HTMLFormElement>) => {
    ev.preventDefault()
    const d = new FormData(ev.currentTarget)
    const startsAt = fromLocalInput(String(d.get('from')))
    const endsAt = fromLocalInput(String(d.get('until')))
    if (!(endsAt > startsAt)) return setError('The window must end after it starts.')
    setBusy(true)
    setError(null)
    api
      .createGuestLink({ roomId: String(d.get('room')), startsAt, endsAt })
      .then((res) => {
        setMade(res.url)
        reload()
      }, (err: unknown) => setError(describeError(err)))
      .finally(() => setBusy(false))
  }
  const revoke = (link: GuestLink) =>
    api.revokeGuestLink(link.id).then(reload, (err: unknown) => setError(describeError(err)))

  const now = Date.now()
  return (
    <section aria-labelledby={title} className="guest-links">
      <h3 id={title}>Guest links</h3>
      <p>A guest link lets someone outside into one room for a while, with a name only.</p>
      <form aria-labelledby={title} onSubmit={create}>
        <label className="field">
          Room for the guest
          <select name="room" required>
            {rooms.map((r) => (
              <option key={r.id} value={r.id}>
                {r.name}
              </option>
            ))}
          </select>
        </label>
        <Field label="Guests may join from" name="from" type="datetime-local" required defaultValue={toLocalInput(now)} />
        <Field label="Until" name="until" type="datetime-local" required defaultValue={toLocalInput(now + 2 * HOUR)} />
        {error && (
          <p className="form-error" role="alert">
            {error}
          </p>
        )}
        <button type="submit" disabled={busy}>
          Create guest link
        </button>
      </form>
      {made && <Field label="Guest link (shown once)" readOnly value={made} onFocus={(e) => e.currentTarget.select()} />}
      {links.length > 0 && (
        <ul aria-label="Open guest links">
          {links.map((l) => (
            <li key={l.id}>
              {roomName(l.roomId)}, {timeOf(l.startsAt)} – {timeOf(l.endsAt)}{' '}
              <button type="button" aria-label={`Revoke the guest link to ${roomName(l.roomId)}`} onClick={() => void revoke(l)}>
                Revoke
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  )
}
