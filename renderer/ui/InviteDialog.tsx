import { useEffect, useRef, useState } from 'react'
import type { Invite } from '../../protocol/api.ts'
import { useOffice } from '../app/context.tsx'
import { describeError } from './errors.ts'

/** Creates a member invite and shows its link to share. */
export function InviteDialog({ onClose }: { onClose: () => void }) {
  const office = useOffice()
  const dialog = useRef<HTMLDialogElement>(null)
  const [invite, setInvite] = useState<Invite | null>(null)
  const [error, setError] = useState<string | null>(null)

  useEffect(() => {
    dialog.current?.showModal()
    office.invite({ role: 'member' }).then(setInvite, (err: unknown) => setError(describeError(err)))
  }, [office])

  return (
    <dialog ref={dialog} className="dialog" aria-labelledby="invite-title" onClose={onClose}>
      <h2 id="invite-title">Invite people</h2>
      {error && <p role="alert">{error}</p>}
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
      <button type="button" onClick={() => dialog.current?.close()}>
        Close
      </button>
    </dialog>
  )
}
