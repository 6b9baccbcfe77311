import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { applyXdgAutostart, autostartPlan, desktopExecArg, readAutostart, type AutostartHost } from '../../../../main/desktop/autostart.ts'
import { tempDir } from '../fixtures.ts'

const linux = (over: Partial<AutostartHost> = {}): AutostartHost => ({ platform: 'linux', execPath: '/opt/Virtual Office/virtual-office', env: {}, home: '/home/ana', ...over })

describe('start at login', () => {
  it('is off until the member turns it on', () => {
    expect([readAutostart(null), readAutostart('0'), readAutostart('1')]).toEqual([false, false, true])
  })

  it('uses login items on macOS and Windows', () => {
    expect(autostartPlan(true, linux({ platform: 'darwin' }))).toEqual({ kind: 'login-item', openAtLogin: true })
    expect(autostartPlan(false, linux({ platform: 'win32' }))).toEqual({ kind: 'login-item', openAtLogin: false })
  })

  it('writes an XDG autostart entry on Linux, starting the AppImage itself', () => {
    const plan = autostartPlan(true, linux({ env: { APPIMAGE: '/home/ana/Apps/Virtual-Office.AppImage' } }))
    expect(plan).toMatchObject({ kind: 'xdg', path: '/home/ana/.config/autostart/virtual-office.desktop' })
    expect(plan.kind === 'xdg' && plan.content).toContain('\nExec=/home/ana/Apps/Virtual-Office.AppImage\n')
    expect(plan.kind === 'xdg' && plan.content?.startsWith('[Desktop Entry]\nType=Application\n')).toBe(true)
  })

  it('honours an absolute XDG_CONFIG_HOME and ignores a relative one', () => {
    expect(autostartPlan(false, linux({ env: { XDG_CONFIG_HOME: '/cfg' } }))).toEqual({ kind: 'xdg', path: '/cfg/autostart/virtual-office.desktop', content: null })
    expect(autostartPlan(false, linux({ env: { XDG_CONFIG_HOME: 'cfg' } }))).toMatchObject({ path: '/home/ana/.config/autostart/virtual-office.desktop' })
  })

  it('quotes and escapes the executable as the Desktop Entry spec says', () => {
    expect(desktopExecArg('/usr/bin/vo')).toBe('/usr/bin/vo')
    expect(desktopExecArg('/opt/Virtual Office/vo')).toBe('"/opt/Virtual Office/vo"')
    expect(desktopExecArg('/opt/50%/a"b$c')).toBe('"/opt/50%%/a\\\\"b\\\\$c"')
    expect(() => desktopExecArg('/opt/a\nExec=evil')).toThrow(/line break/)
  })

  it('creates the file when turned on and removes it when turned off', () => {
    const home = tempDir()
    const on = autostartPlan(true, linux({ home }))
    if (on.kind !== 'xdg') throw new Error('expected an XDG plan')
    applyXdgAutostart(on)
    expect(fs.readFileSync(on.path, 'utf8')).toContain('Exec="/opt/Virtual Office/virtual-office"')
    const off = autostartPlan(false, linux({ home }))
    if (off.kind !== 'xdg') throw new Error('expected an XDG plan')
    applyXdgAutostart(off)
    applyXdgAutostart(off)
    expect(fs.existsSync(on.path)).toBe(false)
    expect(fs.existsSync(path.dirname(on.path))).toBe(true)
  })
})
