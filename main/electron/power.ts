/**
 * Suspend, resume and idle/lock changes, sent to the renderer as host events. The decision is
 * policy/idle.ts; this file only samples powerMonitor (polling, since Linux has no lock events),
 * plus the time of the last input in the app's window for the Wayland fallback.
 */
import { powerMonitor, type WebContents } from 'electron'
import type { HostEvent, HostEventArgs, IdleState } from '../../protocol/ipc.ts'
import { classifyIdle, createIdleFallback, defaultIdleThresholds, idlePollSeconds, type IdleThresholds } from '../policy/idle.ts'

export function watchPower(
  target: () => WebContents | null,
  thresholds: IdleThresholds = defaultIdleThresholds,
  /** When the app's window last saw a key or pointer input (ms since the epoch); null before any. */
  lastAppInputAt: () => number | null = () => null,
): () => void {
  let suspended = false
  const fallback = createIdleFallback()
  const startedAt = Date.now()
  // The renderer starts out assuming 'active'; only changes are sent.
  let last: IdleState = 'active'
  const send = <E extends HostEvent>(event: E, ...args: HostEventArgs<E>): void => {
    const contents = target()
    if (contents && !contents.isDestroyed()) contents.send(event, ...args)
  }
  const sample = (): void => {
    const reading = fallback.correct({
      idleSeconds: powerMonitor.getSystemIdleTime(),
      system: powerMonitor.getSystemIdleState(thresholds.idleAfterSeconds),
      suspended,
      appIdleSeconds: Math.floor((Date.now() - (lastAppInputAt() ?? startedAt)) / 1000),
    })
    const state = classifyIdle(reading, thresholds)
    if (state === last) return
    last = state
    send('idle:changed', state)
  }
  const onSuspend = (): void => {
    suspended = true
    send('power:suspended')
    sample()
  }
  const onResume = (): void => {
    suspended = false
    send('power:resumed')
    sample()
  }
  powerMonitor.on('suspend', onSuspend)
  powerMonitor.on('resume', onResume)
  powerMonitor.on('lock-screen', sample)
  powerMonitor.on('unlock-screen', sample)
  const timer = setInterval(sample, idlePollSeconds * 1000)
  return () => {
    clearInterval(timer)
    powerMonitor.off('suspend', onSuspend)
    powerMonitor.off('resume', onResume)
    powerMonitor.off('lock-screen', sample)
    powerMonitor.off('unlock-screen', sample)
  }
}
