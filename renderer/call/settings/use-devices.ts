/**
 * Starts the office's device settings (renderer/app/devices.ts) once the office screen shows: the
 * member's saved devices and per-room-kind choices then apply when the calls go online. Loaded on
 * demand, so the start-up bundle does not carry it.
 */
import { useEffect } from 'react'
import { useComposition } from '../../app/context.tsx'

export function useDevicePreferences(): void {
  const composition = useComposition()
  useEffect(() => {
    void import('../../app/devices.ts').then((m) => m.ensureDevices(composition))
  }, [composition])
}
