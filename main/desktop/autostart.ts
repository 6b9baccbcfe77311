/**
 * Start at login, off by default. macOS and Windows have login items (Electron's
 * app.setLoginItemSettings); Linux has none, so an XDG autostart `.desktop` file is written to
 * (or removed from) `$XDG_CONFIG_HOME/autostart`. The plan is pure; `applyXdgAutostart` is plain
 * Node so it is tested on a real directory.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'

/** Where main keeps the member's choice (the cache's key-value table). */
export const autostartSettingKey = 'desktop:startAtLogin'

export type AutostartPlan = { kind: 'login-item'; openAtLogin: boolean } | { kind: 'xdg'; path: string; content: string | null }

export interface AutostartHost {
  platform: NodeJS.Platform
  /** The executable to start: on Linux the AppImage file itself ($APPIMAGE), not its temporary mount. */
  execPath: string
  env: Readonly<Record<string, string | undefined>>
  home: string
}

export const readAutostart = (stored: string | null): boolean => stored === '1'

/** Quotes one Exec argument per the Desktop Entry spec: quoting rules, then the string escape of `\`. */
export function desktopExecArg(arg: string): string {
  if (/[\n\r\0]/.test(arg)) throw new Error('the executable path contains a line break')
  const quoted = /[\s"'\\><~|&;$*?#()`%]/.test(arg) ? `"${arg.replace(/(["`$\\])/g, '\\$1')}"` : arg
  // `%` starts a field code; a literal one is `%%`. Then the .desktop string escape doubles backslashes.
  return quoted.replace(/%/g, '%%').replace(/\\/g, '\\\\')
}

export function autostartEntry(execPath: string): string {
  return [
    '[Desktop Entry]',
    'Type=Application',
    'Name=Virtual Office',
    'Comment=Open the office at login',
    `Exec=${desktopExecArg(execPath)}`,
    'Terminal=false',
    'X-GNOME-Autostart-enabled=true',
    '',
  ].join('\n')
}

export function autostartPlan(enabled: boolean, host: AutostartHost): AutostartPlan {
  if (host.platform !== 'linux') return { kind: 'login-item', openAtLogin: enabled }
  // XDG says a relative XDG_CONFIG_HOME is invalid and must be ignored.
  const configured = host.env.XDG_CONFIG_HOME
  const configHome = configured && configured.startsWith('/') ? configured : join(host.home, '.config')
  const exec = host.env.APPIMAGE || host.execPath
  return { kind: 'xdg', path: join(configHome, 'autostart', 'virtual-office.desktop'), content: enabled ? autostartEntry(exec) : null }
}

export function applyXdgAutostart(plan: Extract<AutostartPlan, { kind: 'xdg' }>): void {
  if (plan.content === null) return rmSync(plan.path, { force: true })
  mkdirSync(dirname(plan.path), { recursive: true })
  writeFileSync(plan.path, plan.content, { mode: 0o644 })
}
