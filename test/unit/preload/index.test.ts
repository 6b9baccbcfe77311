import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest'
import type { OfficeBridge } from '../../../protocol/ipc.ts'

// The Electron binary cannot exist on the build machines (require('electron') throws there), so
// the two preload-side objects are replaced by spies, which is exactly what the test inspects.
const electron = vi.hoisted(() => ({
  contextBridge: { exposeInMainWorld: vi.fn() },
  ipcRenderer: { invoke: vi.fn(), on: vi.fn(), removeListener: vi.fn(), send: vi.fn() },
}))
vi.mock('electron', () => electron)

let bridge: OfficeBridge
let exposedNames: unknown[] = []

// Captured once, at import, as in a real page load (the runner may clear spies between tests).
beforeAll(async () => {
  await import('../../../preload/index.ts')
  exposedNames = electron.contextBridge.exposeInMainWorld.mock.calls.map(([name]) => name)
  bridge = electron.contextBridge.exposeInMainWorld.mock.calls[0]?.[1] as OfficeBridge
})

beforeEach(() => {
  electron.ipcRenderer.invoke.mockReset()
  electron.ipcRenderer.on.mockReset()
  electron.ipcRenderer.removeListener.mockReset()
})

describe('preload', () => {
  it('exposes exactly one global, office', () => {
    expect(exposedNames).toEqual(['office'])
  })

  it('exposes only invoke and on', () => expect(Object.keys(bridge).sort()).toEqual(['invoke', 'on']))

  it('does not hand out ipcRenderer', () => expect(Object.values(bridge)).not.toContain(electron.ipcRenderer))

  it('forwards a known channel with its arguments to ipcRenderer.invoke', async () => {
    electron.ipcRenderer.invoke.mockResolvedValue({ ok: true, value: null })
    expect(await bridge.invoke('cache:getSnapshot', 'ws_acme')).toEqual({ ok: true, value: null })
    expect(electron.ipcRenderer.invoke).toHaveBeenCalledWith('cache:getSnapshot', 'ws_acme')
  })

  it('refuses an unknown channel without touching IPC', async () => {
    const invoke = bridge.invoke as (channel: string, ...args: unknown[]) => Promise<unknown>
    expect(await invoke('secret:dump')).toMatchObject({ ok: false, code: 'not_found' })
    expect(electron.ipcRenderer.invoke).not.toHaveBeenCalled()
  })

  it('refuses an inherited property name as a channel', async () => {
    const invoke = bridge.invoke as (channel: string, ...args: unknown[]) => Promise<unknown>
    expect(await invoke('constructor')).toMatchObject({ ok: false })
    expect(electron.ipcRenderer.invoke).not.toHaveBeenCalled()
  })

  it('passes only the payload to an event listener, not the IPC event', () => {
    const listener = vi.fn()
    bridge.on('idle:changed', listener)
    const [[event, forward]] = electron.ipcRenderer.on.mock.calls as [[string, (...a: unknown[]) => void]]
    forward({ sender: electron.ipcRenderer, senderId: 0 }, 'idle')
    expect(event).toBe('idle:changed')
    expect(listener.mock.calls).toEqual([['idle']])
  })

  it('forwards the OS theme event with its payload', () => {
    const listener = vi.fn()
    bridge.on('theme:changed', listener)
    const [[event, forward]] = electron.ipcRenderer.on.mock.calls as [[string, (...a: unknown[]) => void]]
    forward({ sender: electron.ipcRenderer, senderId: 0 }, 'dark')
    expect(event).toBe('theme:changed')
    expect(listener.mock.calls).toEqual([['dark']])
  })

  it('unsubscribes the same listener it subscribed', () => {
    const off = bridge.on('power:resumed', () => {})
    off()
    expect(electron.ipcRenderer.removeListener).toHaveBeenCalledWith('power:resumed', electron.ipcRenderer.on.mock.calls[0]?.[1])
  })

  it('refuses an unknown event', () => {
    const on = bridge.on as (event: string, listener: () => void) => () => void
    expect(() => on('ipc:anything', () => {})).toThrow(/unknown host event/)
    expect(electron.ipcRenderer.on).not.toHaveBeenCalled()
  })
})
