/**
 * The idle policy behind presence "away": turns what the OS reports (idle seconds, lock state,
 * suspend) into active / idle / locked. Linux has no lock events and on Wayland the idle time can
 * stay 0, so 'unknown' system state falls back to the idle seconds alone.
 */
import type { IdleState } from '../../protocol/ipc.ts'

export interface IdleSample {
  /** Seconds since the last input (powerMonitor.getSystemIdleTime). */
  idleSeconds: number
  /** powerMonitor.getSystemIdleState(threshold). */
  system: 'active' | 'idle' | 'locked' | 'unknown'
  /** Between powerMonitor 'suspend' and 'resume'. */
  suspended: boolean
}

export interface IdleThresholds {
  /** Idle for this long counts as away. */
  idleAfterSeconds: number
}

export const defaultIdleThresholds: IdleThresholds = { idleAfterSeconds: 5 * 60 }

/** How often main polls the OS; well under the threshold so "away" shows within seconds of it. */
export const idlePollSeconds = 15

export function classifyIdle(sample: IdleSample, thresholds: IdleThresholds = defaultIdleThresholds): IdleState {
  if (sample.suspended || sample.system === 'locked') return 'locked'
  if (sample.system === 'idle' || sample.idleSeconds >= thresholds.idleAfterSeconds) return 'idle'
  return 'active'
}
