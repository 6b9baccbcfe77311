/**
 * The idle policy behind presence "away": turns what the OS reports (idle seconds, lock state,
 * suspend) into active / idle / locked. Linux has no lock events, so the lock state is polled;
 * 'unknown' state falls back to the idle seconds. On Wayland the idle time can read 0 forever,
 * which would keep a member "active" at an empty desk: when it has read exactly 0 at every poll for
 * a long stretch, it is distrusted and the app's own input activity (keys and pointer in its
 * window) stands in, until the OS reports a real idle time again.
 */
import type { IdleState } from '../../protocol/ipc.ts'

export interface IdleSample {
  /** Seconds since the last input (powerMonitor.getSystemIdleTime). */
  idleSeconds: number
  /** powerMonitor.getSystemIdleState(threshold). */
  system: 'active' | 'idle' | 'locked' | 'unknown'
  /** Between powerMonitor 'suspend' and 'resume'. */
  suspended: boolean
  /** Seconds since the last input in the app's own window; used only when the OS reading is distrusted. */
  appIdleSeconds?: number
}

export interface IdleThresholds {
  /** Idle for this long counts as away. */
  idleAfterSeconds: number
}

export const defaultIdleThresholds: IdleThresholds = { idleAfterSeconds: 5 * 60 }

/** How often main polls the OS; well under the threshold so "away" shows within seconds of it. */
export const idlePollSeconds = 15

/**
 * Consecutive polls reading exactly 0 before the OS idle time is distrusted: 2 minutes. Someone at
 * the keyboard pauses for a second between polls long before that; a stuck reading never does.
 */
export const stuckIdlePolls = 8

export function classifyIdle(sample: IdleSample, thresholds: IdleThresholds = defaultIdleThresholds): IdleState {
  if (sample.suspended || sample.system === 'locked') return 'locked'
  if (sample.system === 'idle' || sample.idleSeconds >= thresholds.idleAfterSeconds) return 'idle'
  return 'active'
}

export interface IdleFallback {
  /** The sample with the OS idle time replaced by the app's input idle time while the OS reading is stuck. */
  correct(sample: IdleSample): IdleSample
  readonly distrusted: boolean
}

export function createIdleFallback(polls = stuckIdlePolls): IdleFallback {
  let zeros = 0
  return {
    correct(sample) {
      zeros = sample.idleSeconds === 0 ? zeros + 1 : 0
      if (zeros < polls || sample.appIdleSeconds === undefined) return sample
      // A stuck OS also says 'active' (or 'unknown'); only a lock it reports is still believed.
      return { ...sample, idleSeconds: sample.appIdleSeconds, system: sample.system === 'locked' ? 'locked' : 'unknown' }
    },
    get distrusted() {
      return zeros >= polls
    },
  }
}
