import { useEffect, useRef, useState } from 'react'
import type { CreateInviteBody, Invite } from '../../protocol/api.ts'
import { InviteForm } from '../admin/InviteForm.tsx'
import { useInviteChoices } from '../admin/useInviteChoices.ts'
import { useOffice } from '../app/context.tsx'
import { describeError } from './errors.ts'

/**
 * Invite people: a member link at once (the common case, one click), and "More options" for
 * another role, an email, a guest's rooms or another expiry (the form People and invites uses).
 */
export function InviteDialog({ onClose }: { onClose: () => void }) {
  const office = useOffice()
  const choices = useInviteChoices()
  const dialog = useRef<HTMLDialogElement>(null)
  const [invite, setInvite] = useState<Invite | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [more, setMore] = useState(false)

  useEffect(() => {
    dialog.current?.showModal()
    office.invite({ role: 'member' }).then(setInvite, (err: unknown) => setError(describeError(err)))
  }, [office])

  const create = async (body: CreateInviteBody) => {
    setError(null)
    try {
      return await office.invite(body)
    } catch (err) {
      setError(describeError(err))
      return null
    }
  }

  return (
    <dialog ref={dialog} className="dialog" aria-labelledby="invite-title" onClose={onClose}>
      <h2 id="invite-title">Invite people</h2>
      {error && <p role="alert">{error}</p>}
      {more ? (
        <InviteForm roles={choices.roles} rooms={choices.rooms} create={create} focusOnMount />
      ) : (
        <>
          {!invite && !error && <p>Creating a link…</p>}
          {invite && (
            <>
              <label htmlFor="invite-link">Share this link; it works once and expires {new Date(invite.expiresAt).toLocaleDateString()}.</label>
              <input id="invite-link" readOnly value={invite.url} onFocus={(e) => e.currentTarget.select()} />
              <button type="button" onClick={() => void navigator.clipboard?.writeText(invite.url)}>
                Copy link
              </button>
            </>
          )}
          <button type="button" onClick={() => setMore(true)}>
            More options…
          </button>
        </>
      )}
      <button type="button" onClick={() => dialog.current?.close()}>
        Close
      </button>
    </dialog>
  )
}
