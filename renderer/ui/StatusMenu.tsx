/**
 * Your status in the top bar, and the menu that sets it (with the theme and "Sign out
 * everywhere"). The button is on the first screen; the form loads the first time the menu opens.
 */
import { Suspense, useId, useState } from 'react'
import { usePresence } from '../app/context.tsx'
import { statusLabel } from '../floor/labels.ts'
import { lazyPart } from './lazy-part.ts'

const StatusForm = lazyPart(() => import('./StatusForm.tsx').then((m) => ({ default: m.StatusForm })))

export function StatusMenu() {
  const self = usePresence((s) => s.self)
  const [open, setOpen] = useState(false)
  const [signOutError, setSignOutError] = useState('')
  const id = useId()

  return (
    <div className="status-menu">
      <button type="button" aria-expanded={open} aria-controls={id} onClick={() => setOpen(!open)}>
        <span className={`status-dot status-${self.status}`} aria-hidden="true" /> Status: {statusLabel[self.status]}
        {self.statusText ? ` — ${self.statusText}` : ''}
      </button>
      {open && (
        <Suspense fallback={null}>
          <StatusForm id={id} onClose={() => setOpen(false)} signOutError={signOutError} setSignOutError={setSignOutError} />
        </Suspense>
      )}
    </div>
  )
}
