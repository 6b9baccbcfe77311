import { describe, expect, it } from 'vitest'
import type { IdleState } from '../../../../protocol/ipc.ts'
import { classifyIdle, defaultIdleThresholds, idlePollSeconds, type IdleSample } from '../../../../main/policy/idle.ts'

const t = { idleAfterSeconds: 300 }
const sample = (s: Partial<IdleSample>): IdleSample => ({ idleSeconds: 0, system: 'active', suspended: false, ...s })

const table: [string, Partial<IdleSample>, IdleState][] = [
  ['fresh input is active', {}, 'active'],
  ['just under the threshold is active', { idleSeconds: 299 }, 'active'],
  ['at the threshold is idle', { idleSeconds: 300 }, 'idle'],
  ['the OS saying idle is idle', { system: 'idle', idleSeconds: 10 }, 'idle'],
  ['a locked screen is locked', { system: 'locked' }, 'locked'],
  ['locked wins over idle time', { system: 'locked', idleSeconds: 9999 }, 'locked'],
  ['a suspended machine is locked', { suspended: true }, 'locked'],
  ['unknown state (Wayland) falls back to idle time: active', { system: 'unknown', idleSeconds: 5 }, 'active'],
  ['unknown state (Wayland) falls back to idle time: idle', { system: 'unknown', idleSeconds: 600 }, 'idle'],
]

describe('classifyIdle', () => {
  it.each(table)('%s', (_name, s, expected) => expect(classifyIdle(sample(s), t)).toBe(expected))
  it('defaults to five minutes', () => expect(defaultIdleThresholds.idleAfterSeconds).toBe(300))
  it('polls well within the threshold', () => expect(idlePollSeconds * 4).toBeLessThanOrEqual(defaultIdleThresholds.idleAfterSeconds))
})
