import { describe, expect, it } from 'vitest'
import type { IdleState } from '../../../../protocol/ipc.ts'
import { classifyIdle, createIdleFallback, defaultIdleThresholds, idlePollSeconds, type IdleSample } from '../../../../main/policy/idle.ts'

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

describe('idle fallback (Wayland reads idle as 0)', () => {
  const zero = (appIdleSeconds: number): IdleSample => ({ idleSeconds: 0, system: 'active', suspended: false, appIdleSeconds })

  it('believes the OS while it reports real idle times', () => {
    const fallback = createIdleFallback(8)
    const samples = [3, 0, 12, 0, 1, 0, 0, 40].map((s) => fallback.correct({ idleSeconds: s, system: 'active', suspended: false, appIdleSeconds: 900 }))
    expect(samples.map((s) => classifyIdle(s, t))).toEqual(Array(8).fill('active'))
    expect(fallback.distrusted).toBe(false)
  })

  it('goes idle from the app input once the OS has read 0 at every poll for long', () => {
    const fallback = createIdleFallback(8)
    const states = Array.from({ length: 10 }, () => classifyIdle(fallback.correct(zero(600)), t))
    expect(states).toEqual([...Array(7).fill('active'), 'idle', 'idle', 'idle'])
    expect(fallback.distrusted).toBe(true)
  })

  it('stays active while the member keeps using the app', () => {
    const fallback = createIdleFallback(8)
    expect(Array.from({ length: 12 }, () => classifyIdle(fallback.correct(zero(20)), t))).toEqual(Array(12).fill('active'))
  })

  it('trusts the OS again as soon as it reports a real idle time', () => {
    const fallback = createIdleFallback(2)
    fallback.correct(zero(600))
    fallback.correct(zero(600))
    expect(classifyIdle(fallback.correct({ idleSeconds: 4, system: 'active', suspended: false, appIdleSeconds: 600 }), t)).toBe('active')
    expect(fallback.distrusted).toBe(false)
  })

  it('still believes a lock the OS reports while distrusting its idle time', () => {
    const fallback = createIdleFallback(1)
    expect(classifyIdle(fallback.correct({ ...zero(1), system: 'locked' }), t)).toBe('locked')
  })
})
