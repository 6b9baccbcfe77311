/**
 * The desktop app's own settings (issue 15), in Settings, in Electron only: start at login (off
 * until the member turns it on) and the global mute shortcut, with the reason when the system
 * refuses it (an accelerator it cannot read, or one another application holds).
 */
import { useEffect, useState, type FormEvent } from 'react'
import type { ShortcutStatus } from '../../../protocol/desktop-ipc.ts'
import type { PlatformDesktop } from '../../platform/platform.ts'

export function DesktopSettings({ load }: { load(): Promise<PlatformDesktop> }) {
  const [host, setHost] = useState<PlatformDesktop | null>(null)
  const [autostart, setAutostart] = useState<boolean | null>(null)
  const [shortcut, setShortcut] = useState<ShortcutStatus | null>(null)
  const [draft, setDraft] = useState('')
  const [error, setError] = useState<string | null>(null)

  useEffect(() => {
    let live = true
    void load()
      .then(async (h) => {
        const [on, status] = await Promise.all([h.autostart.get(), h.muteShortcut.get()])
        if (!live) return
        setHost(h)
        setAutostart(on)
        setShortcut(status)
        setDraft(status.accelerator ?? '')
      })
      .catch((err: Error) => live && setError(`Could not read the desktop settings: ${err.message}`))
    return () => {
      live = false
    }
  }, [load])

  if (!host) return error ? <p role="alert">{error}</p> : null
  const toggle = (on: boolean) => void host.autostart.set(on).then(setAutostart, (err: Error) => setError(`Could not change Start at login: ${err.message}`))
  const saveShortcut = (e: FormEvent) => {
    e.preventDefault()
    void host.muteShortcut.set(draft.trim() || null).then(setShortcut, (err: Error) => setError(`Could not set the shortcut: ${err.message}`))
  }
  return (
    <fieldset>
      <legend>Desktop app</legend>
      <label className="check">
        <input type="checkbox" checked={autostart ?? false} onChange={(e) => toggle(e.currentTarget.checked)} />
        Start at login
      </label>
      <form className="desktop-shortcut" onSubmit={saveShortcut}>
        <label>
          Mute shortcut
          <input value={draft} placeholder="CommandOrControl+Shift+M" aria-describedby="mute-shortcut-state" onChange={(e) => setDraft(e.currentTarget.value)} />
        </label>
        <button type="submit">Set shortcut</button>
      </form>
      <small id="mute-shortcut-state" role="status">
        {shortcut?.error ?? (shortcut?.registered ? `${shortcut.accelerator} mutes and unmutes you from anywhere` : 'No shortcut set')}
      </small>
      {error && <p role="alert">{error}</p>}
    </fieldset>
  )
}
