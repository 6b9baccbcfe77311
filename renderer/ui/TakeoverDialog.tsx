/** Another device signed in as me and took my seat: say so, and offer to take it back. */
import { useEffect, useRef } from 'react'
import { useOffice, useSocial } from '../app/context.tsx'

export function TakeoverDialog() {
  const office = useOffice()
  const taken = useSocial((s) => s.takenOver)
  const dialog = useRef<HTMLDialogElement>(null)
  useEffect(() => {
    if (taken) dialog.current?.showModal()
    else dialog.current?.close()
  }, [taken])
  if (!taken) return null
  return (
    <dialog ref={dialog} className="dialog" aria-labelledby="takeover-title" onCancel={(e) => e.preventDefault()}>
      <h2 id="takeover-title">You are signed in on another device</h2>
      <p>Your seat in the office moved there. Use the office here instead?</p>
      <button type="button" onClick={() => office.useHere()}>
        Use here
      </button>
      <button type="button" onClick={() => void office.signOut()}>
        Sign out here
      </button>
    </dialog>
  )
}
