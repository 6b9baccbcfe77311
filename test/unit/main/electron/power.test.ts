import type { EventEmitter } from 'node:events'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'

// powerMonitor cannot exist without the Electron binary: an EventEmitter with the two samplers
// stands in, and the test drives the OS state through `os`.
const electron = vi.hoisted(() => ({ os: { idleSeconds: 0, state: 'active' as string } }))
vi.mock('electron', async () => {
  const { EventEmitter: Emitter } = await import('node:events')
  const powerMonitor = Object.assign(new Emitter(), {
    getSystemIdleTime: () => electron.os.idleSeconds,
    getSystemIdleState: () => electron.os.state,
  })
  return { powerMonitor }
})
const { powerMonitor } = (await import('electron')) as unknown as { powerMonitor: EventEmitter }
const { watchPower } = await import('../../../../main/electron/power.ts')

let sent: unknown[][]
let stop: () => void
beforeEach(() => {
  vi.useFakeTimers()
  electron.os.idleSeconds = 0
  electron.os.state = 'active'
  sent = []
  const contents = { isDestroyed: () => false, send: (...args: unknown[]) => sent.push(args) }
  stop = watchPower(() => contents as never, { idleAfterSeconds: 300 })
})
afterEach(() => {
  stop()
  vi.useRealTimers()
})

describe('watchPower', () => {
  it('sends nothing while the user stays active', () => {
    vi.advanceTimersByTime(60_000)
    expect(sent).toEqual([])
  })

  it('sends idle once when the idle time passes the threshold', () => {
    electron.os.idleSeconds = 301
    vi.advanceTimersByTime(60_000)
    expect(sent).toEqual([['idle:changed', 'idle']])
  })

  it('sends suspended then locked on suspend, resumed then active on resume', () => {
    powerMonitor.emit('suspend')
    powerMonitor.emit('resume')
    expect(sent).toEqual([['power:suspended'], ['idle:changed', 'locked'], ['power:resumed'], ['idle:changed', 'active']])
  })

  it('notices a locked screen by polling (Linux has no lock events)', () => {
    electron.os.state = 'locked'
    vi.advanceTimersByTime(15_000)
    expect(sent).toEqual([['idle:changed', 'locked']])
  })

  it('falls back to input in the app window when the OS idle time stays 0 (Wayland)', () => {
    stop()
    let lastInput = Date.now()
    stop = watchPower(() => ({ isDestroyed: () => false, send: (...args: unknown[]) => sent.push(args) }) as never, { idleAfterSeconds: 300 }, () => lastInput)
    vi.advanceTimersByTime(4 * 60_000)
    lastInput = Date.now()
    vi.advanceTimersByTime(4 * 60_000)
    expect(sent).toEqual([])
    vi.advanceTimersByTime(60_000 + 15_000)
    expect(sent).toEqual([['idle:changed', 'idle']])
    lastInput = Date.now()
    vi.advanceTimersByTime(15_000)
    expect(sent).toEqual([['idle:changed', 'idle'], ['idle:changed', 'active']])
  })

  it('stops listening when disposed', () => {
    stop()
    powerMonitor.emit('suspend')
    electron.os.idleSeconds = 1000
    vi.advanceTimersByTime(60_000)
    expect(sent).toEqual([])
  })
})
