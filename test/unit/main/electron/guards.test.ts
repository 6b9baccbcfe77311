import { EventEmitter } from 'node:events'
import { beforeEach, describe, expect, it, vi } from 'vitest'

// `app` and `shell` cannot exist without the Electron binary; the stand-ins record what the
// guards register so the test can fire navigations and window.open at them.
const electron = vi.hoisted(() => ({ openExternal: [] as string[] }))
vi.mock('electron', async () => {
  const { EventEmitter: Emitter } = await import('node:events')
  return { app: new Emitter(), shell: { openExternal: async (url: string) => void electron.openExternal.push(url) } }
})
const { app } = (await import('electron')) as unknown as { app: EventEmitter }
const { guardAllWebContents } = await import('../../../../main/electron/guards.ts')

class FakeContents extends EventEmitter {
  openHandler: ((d: { url: string }) => { action: string }) | null = null
  setWindowOpenHandler(h: (d: { url: string }) => { action: string }): void {
    this.openHandler = h
  }
}

function navigate(contents: FakeContents, kind: 'will-navigate' | 'will-redirect', url: string): boolean {
  let prevented = false
  contents.emit(kind, { url, preventDefault: () => (prevented = true) })
  return prevented
}

let contents: FakeContents
beforeEach(() => {
  app.removeAllListeners()
  electron.openExternal = []
  guardAllWebContents({ devUrl: null })
  contents = new FakeContents()
  app.emit('web-contents-created', {}, contents)
})

describe('guardAllWebContents', () => {
  it('lets the window navigate within the bundle', () => expect(navigate(contents, 'will-navigate', 'app://bundle/index.html')).toBe(false))
  it('stops navigation to a website', () => expect(navigate(contents, 'will-navigate', 'https://evil.example/')).toBe(true))
  it('stops a redirect to a website', () => expect(navigate(contents, 'will-redirect', 'https://evil.example/')).toBe(true))
  it('refuses to attach a <webview>', () => {
    let prevented = false
    contents.emit('will-attach-webview', { preventDefault: () => (prevented = true) })
    expect(prevented).toBe(true)
  })
  it('denies window.open and opens a safe https link in the browser', () => {
    expect(contents.openHandler?.({ url: 'https://livekit.io/' })).toEqual({ action: 'deny' })
    expect(electron.openExternal).toEqual(['https://livekit.io/'])
  })
  it('denies window.open of a file: URL without opening anything', () => {
    expect(contents.openHandler?.({ url: 'file:///etc/passwd' })).toEqual({ action: 'deny' })
    expect(electron.openExternal).toEqual([])
  })
})
