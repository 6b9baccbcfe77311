/**
 * Settings: microphone, camera and speaker, a live microphone level, noise suppression and echo
 * cancellation, and Low power. Every choice applies at once and is remembered for this member
 * (devices.ts keeps it through the Platform). A device plugged in shows up while the dialog is open.
 */
import { useEffect, useMemo, useRef } from 'react'
import { useStore } from 'zustand'
import { useComposition, useSession } from '../../app/context.tsx'
import { ensureDevices } from '../../app/devices.ts'
import { DesktopSettings } from './DesktopSettings.tsx'
import { DeviceSelect } from './DeviceSelect.tsx'
import { LevelMeter } from './LevelMeter.tsx'
import './settings.css'

/** Choosing where sound plays needs HTMLMediaElement.setSinkId (not every browser has it). */
const canChooseSpeaker = () => typeof HTMLMediaElement !== 'undefined' && 'setSinkId' in HTMLMediaElement.prototype

export function SettingsDialog({ onClose }: { onClose(): void }) {
  const composition = useComposition()
  const { office } = composition
  const settings = useMemo(() => ensureDevices(composition), [composition])
  const prefs = useStore(settings.state, (s) => s.prefs)
  const devices = useStore(settings.state, (s) => s.devices)
  const online = useSession((s) => s.connection === 'online')
  const dialog = useRef<HTMLDialogElement>(null)
  // The desktop app's own settings (start at login, the mute shortcut): Electron only.
  const desktop = useMemo(() => composition.platform.desktop?.bind(composition.platform), [composition])

  useEffect(() => {
    dialog.current?.showModal()
    void settings.refresh()
  }, [settings])
  useEffect(() => {
    // The level meter needs the microphone: acquired now if no call has yet (kept for the calls).
    if (online) void office.media()?.ensureLocal().catch(() => undefined)
  }, [office, online])

  const processing = (patch: Partial<{ noiseSuppression: boolean; echoCancellation: boolean }>) =>
    void settings.setProcessing({ noiseSuppression: prefs.noiseSuppression, echoCancellation: prefs.echoCancellation, ...patch }).catch(() => undefined)

  return (
    <dialog ref={dialog} className="dialog settings" aria-labelledby="settings-title" onClose={onClose}>
      <h2 id="settings-title">Settings</h2>
      <fieldset>
        <legend>Microphone and sound</legend>
        <DeviceSelect kind="audioinput" label="Microphone" devices={devices} value={prefs.devices.audioinput} onChange={(id) => void settings.chooseDevice('audioinput', id).catch(() => undefined)} />
        <LevelMeter />
        <label className="check">
          <input type="checkbox" checked={prefs.noiseSuppression} onChange={(e) => processing({ noiseSuppression: e.currentTarget.checked })} />
          Noise suppression
        </label>
        <label className="check">
          <input type="checkbox" checked={prefs.echoCancellation} onChange={(e) => processing({ echoCancellation: e.currentTarget.checked })} />
          Echo cancellation
        </label>
        {canChooseSpeaker() && (
          <DeviceSelect kind="audiooutput" label="Speaker" devices={devices} value={prefs.devices.audiooutput} onChange={(id) => void settings.chooseDevice('audiooutput', id).catch(() => undefined)} />
        )}
      </fieldset>
      <fieldset>
        <legend>Video</legend>
        <DeviceSelect kind="videoinput" label="Camera" devices={devices} value={prefs.devices.videoinput} onChange={(id) => void settings.chooseDevice('videoinput', id).catch(() => undefined)} />
        <label className="check">
          <input type="checkbox" checked={prefs.lowPower} aria-describedby="low-power-hint" onChange={(e) => settings.setLowPower(e.currentTarget.checked)} />
          Low power
        </label>
        <small id="low-power-hint">Video only for the active speaker</small>
      </fieldset>
      {desktop && <DesktopSettings load={desktop} />}
      <button type="button" onClick={() => dialog.current?.close()}>
        Close
      </button>
    </dialog>
  )
}
