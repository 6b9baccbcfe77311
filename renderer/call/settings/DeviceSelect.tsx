/** One device kind's select: the system default first, then each device by its label. */
import { useId } from 'react'
import type { Device } from '../../app/devices.ts'
import type { MediaKind } from '../../stores/media/store.ts'

interface Props {
  kind: MediaKind
  label: string
  devices: Device[]
  /** The chosen deviceId ('' = the system default). */
  value: string
  onChange(deviceId: string): void
}

export function DeviceSelect({ kind, label, devices, value, onChange }: Props) {
  const id = useId()
  const ofKind = devices.filter((d) => d.kind === kind)
  // Chromium lists the system default as a device of its own ('default'): that is our '' choice.
  const system = ofKind.find((d) => d.deviceId === 'default')
  const others = ofKind.filter((d) => d.deviceId !== 'default')
  // A chosen device that is not here now (unplugged) shows as the default it fell back to.
  const shown = others.some((d) => d.deviceId === value) ? value : ''
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select id={id} value={shown} onChange={(e) => onChange(e.currentTarget.value)}>
        <option value="">{system?.label || 'System default'}</option>
        {others.map((d, i) => (
          <option key={d.deviceId} value={d.deviceId}>
            {d.label || `${label} ${i + 1}`}
          </option>
        ))}
      </select>
    </div>
  )
}
