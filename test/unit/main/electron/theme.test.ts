import type { EventEmitter } from 'node:events'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'

// nativeTheme cannot exist without the Electron binary: an EventEmitter with its two flags
// stands in, and the test switches the OS theme by setting them and emitting 'updated'.
vi.mock('electron', async () => {
  const { EventEmitter: Emitter } = await import('node:events')
  return { nativeTheme: Object.assign(new Emitter(), { shouldUseDarkColors: false, shouldUseHighContrastColors: false }) }
})
const { nativeTheme } = (await import('electron')) as unknown as {
  nativeTheme: EventEmitter & { shouldUseDarkColors: boolean; shouldUseHighContrastColors: boolean }
}
const { nativeSystemTheme, watchNativeTheme } = await import('../../../../main/electron/theme.ts')

let sent: unknown[][]
let destroyed: boolean
let stop: () => void
const os = (dark: boolean, highContrast: boolean) => {
  nativeTheme.shouldUseDarkColors = dark
  nativeTheme.shouldUseHighContrastColors = highContrast
  nativeTheme.emit('updated')
}
beforeEach(() => {
  nativeTheme.shouldUseDarkColors = false
  nativeTheme.shouldUseHighContrastColors = false
  sent = []
  destroyed = false
  const contents = { isDestroyed: () => destroyed, send: (...args: unknown[]) => sent.push(args) }
  stop = watchNativeTheme(() => contents as never)
})
afterEach(() => stop())

describe('the OS theme from nativeTheme', () => {
  it('reads light, dark and high contrast, high contrast winning', () => {
    expect(nativeSystemTheme()).toBe('light')
    nativeTheme.shouldUseDarkColors = true
    expect(nativeSystemTheme()).toBe('dark')
    nativeTheme.shouldUseHighContrastColors = true
    expect(nativeSystemTheme()).toBe('contrast')
  })

  it('sends theme:changed when the OS switches, and only then', () => {
    os(true, false)
    os(true, false)
    os(true, true)
    os(false, false)
    expect(sent).toEqual([
      ['theme:changed', 'dark'],
      ['theme:changed', 'contrast'],
      ['theme:changed', 'light'],
    ])
  })

  it('sends nothing to a closed window, and nothing after stopping', () => {
    destroyed = true
    os(true, false)
    destroyed = false
    stop()
    os(false, false)
    expect(sent).toEqual([])
    expect(nativeTheme.listenerCount('updated')).toBe(0)
  })
})
