/**
 * The status menu's form, loaded when the menu first opens: status, text (emoji welcome) and an
 * end; the theme (applied at once, remembered for you); and "Sign out everywhere", for a device
 * lost or left signed in.
 */
import type { FormEvent } from 'react'
import { statuses, type Status } from '../../protocol/presence.ts'
import { themeChoices, type ThemeChoice } from '../../protocol/theme.ts'
import { useOffice, usePresence } from '../app/context.tsx'
import { useTheme } from '../app/theme-context.tsx'
import { statusLabel } from '../floor/labels.ts'

const themeLabel: Record<ThemeChoice, string> = { system: 'System', light: 'Light', dark: 'Dark', contrast: 'High contrast' }

const durations: { label: string; ms: number }[] = [
  { label: "Don't clear", ms: 0 },
  { label: '30 minutes', ms: 30 * 60_000 },
  { label: '1 hour', ms: 60 * 60_000 },
  { label: '4 hours', ms: 4 * 60 * 60_000 },
]

interface Props {
  id: string
  onClose(): void
  /** Kept by the menu, so that it outlives the form as it did when the two were one component. */
  signOutError: string
  setSignOutError(text: string): void
}

export function StatusForm({ id, onClose, signOutError, setSignOutError }: Props) {
  const office = useOffice()
  const self = usePresence((s) => s.self)
  const theme = useTheme()

  const signOutEverywhere = () => {
    setSignOutError('')
    office.signOutEverywhere().catch((err: unknown) => setSignOutError(`Could not sign out everywhere: ${(err as Error).message}`))
  }

  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault()
    const data = new FormData(e.currentTarget)
    const ms = Number(data.get('until') ?? 0)
    office.status.set(data.get('status') as Status, String(data.get('text') ?? '').trim(), ms ? Date.now() + ms : 0)
    onClose()
  }

  return (
    <form id={id} className="popover" aria-label="Set your status" onSubmit={submit} onKeyDown={(e) => e.key === 'Escape' && onClose()}>
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
  )
}
