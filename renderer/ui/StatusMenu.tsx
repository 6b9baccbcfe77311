/**
 * Setting your status: available, busy, away or do-not-disturb, with text (emoji welcome) and an
 * end. Also the theme (applied at once, remembered for you), and "Sign out everywhere", for a
 * device lost or left signed in.
 */
import { useId, useState, type FormEvent } from 'react'
import { statuses, type Status } from '../../protocol/presence.ts'
import { useOffice, usePresence } from '../app/context.tsx'
import { statusLabel } from '../floor/labels.ts'
import { useTheme } from '../app/theme-context.tsx'
import { themeChoices, type ThemeChoice } from '../../protocol/theme.ts'

const themeLabel: Record<ThemeChoice, string> = { system: 'System', light: 'Light', dark: 'Dark', contrast: 'High contrast' }

const durations: { label: string; ms: number }[] = [
  { label: "Don't clear", ms: 0 },
  { label: '30 minutes', ms: 30 * 60_000 },
  { label: '1 hour', ms: 60 * 60_000 },
  { label: '4 hours', ms: 4 * 60 * 60_000 },
]

export function StatusMenu() {
  const office = useOffice()
  const self = usePresence((s) => s.self)
  const [open, setOpen] = useState(false)
  const [signOutError, setSignOutError] = useState('')
  const theme = useTheme()
  const id = useId()

  const signOutEverywhere = () => {
    setSignOutError('')
    office.signOutEverywhere().catch((err: unknown) => setSignOutError(`Could not sign out everywhere: ${(err as Error).message}`))
  }

  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault()
    const data = new FormData(e.currentTarget)
    const ms = Number(data.get('until') ?? 0)
    office.status.set(data.get('status') as Status, String(data.get('text') ?? '').trim(), ms ? Date.now() + ms : 0)
    setOpen(false)
  }

  return (
    <div className="status-menu">
      <button type="button" aria-expanded={open} aria-controls={id} onClick={() => setOpen(!open)}>
        <span className={`status-dot status-${self.status}`} aria-hidden="true" /> Status: {statusLabel[self.status]}
        {self.statusText ? ` — ${self.statusText}` : ''}
      </button>
      {open && (
        <form id={id} className="popover" aria-label="Set your status" onSubmit={submit} onKeyDown={(e) => e.key === 'Escape' && setOpen(false)}>
          <fieldset>
            <legend>Status</legend>
            {statuses.map((s) => (
              <label key={s}>
                <input type="radio" name="status" value={s} defaultChecked={s === self.status} /> {statusLabel[s]}
              </label>
            ))}
          </fieldset>
          <label>
            What are you up to?
            <input name="text" maxLength={100} defaultValue={self.statusText} placeholder="🎧 Focusing" />
          </label>
          <label>
            Clear after
            <select name="until" defaultValue="0">
              {durations.map((d) => (
                <option key={d.ms} value={d.ms}>
                  {d.label}
                </option>
              ))}
            </select>
          </label>
          <label>
            Theme
            {/* No name: the theme applies on change, it is not part of the status form. */}
            <select value={theme.choice} onChange={(e) => void theme.choose(e.target.value as ThemeChoice)}>
              {themeChoices.map((t) => (
                <option key={t} value={t}>
                  {themeLabel[t]}
                </option>
              ))}
            </select>
          </label>
          <button type="submit">Save status</button>
          <button type="button" onClick={signOutEverywhere}>
            Sign out everywhere
          </button>
          {signOutError && <p role="alert">{signOutError}</p>}
        </form>
      )}
    </div>
  )
}
