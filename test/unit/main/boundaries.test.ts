import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { DISABLED_CHROMIUM_FEATURES } from '../../../main/desktop/chromium-features.ts'
import { chromiumArgs } from '../../support/browser.ts'

// Static checks on the main-process sources for rules a unit test cannot reach by running code
// (the Electron wiring cannot run here): who imports electron, who registers IPC, what happens before 'ready'.
const repo = path.resolve(import.meta.dirname, '../../..')
const sources = (dir: string): string[] =>
  fs
    .readdirSync(path.join(repo, dir), { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.ts'))
    .map((f) => path.join(dir, f).split(path.sep).join('/'))
const read = (file: string) => fs.readFileSync(path.join(repo, file), 'utf8')
const files = [...sources('main'), ...sources('preload')]
const matching = (pattern: RegExp) => files.filter((f) => pattern.test(read(f))).sort()

describe('main and preload sources', () => {
  it("import 'electron' only in main/electron and preload", () =>
    expect(matching(/from 'electron'/).filter((f) => !f.startsWith('main/electron/') && f !== 'preload/index.ts')).toEqual([]))

  it('register ipcMain handlers only in main/electron/ipc.ts', () =>
    expect(matching(/ipcMain\.(handle|on)\(/)).toEqual(['main/electron/ipc.ts']))

  it('call shell.openExternal only behind the window-open policy', () =>
    expect(matching(/shell\.openExternal\(/)).toEqual(['main/electron/guards.ts']))

  it('never reset a permission handler to null (that grants everything)', () =>
    expect(matching(/setPermission(Request|Check)Handler\(null/)).toEqual([]))

  it('never create a <webview>', () => expect(matching(/<webview/)).toEqual([]))

  it('enable the sandbox and register the app scheme before ready', () => {
    const app = read('main/electron/app.ts')
    const ready = app.indexOf('whenReady()')
    expect([app.indexOf('app.enableSandbox()'), app.indexOf('registerAppSchemePrivileged()')].every((i) => i >= 0 && i < ready)).toBe(true)
  })

  it('turn off the Chromium features the test browsers run without, before ready', () => {
    const app = read('main/electron/app.ts')
    const off = app.indexOf("app.commandLine.appendSwitch('disable-features', DISABLED_CHROMIUM_FEATURES.join(','))")
    expect(off >= 0 && off < app.indexOf('whenReady()')).toBe(true)
    expect(chromiumArgs).toContain(`--disable-features=WebRtcHideLocalIpsWithMdns,${DISABLED_CHROMIUM_FEATURES.join(',')}`)
  })

  it('keep the preload under 40 lines', () => expect(read('preload/index.ts').trimEnd().split('\n').length).toBeLessThan(40))

  it('keep every file under 200 lines', () => expect(files.filter((f) => read(f).split('\n').length > 200)).toEqual([]))
})
