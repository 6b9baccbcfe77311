/** Start at login: Electron's login items on macOS and Windows, the XDG autostart file on Linux (desktop/autostart.ts). */
import { homedir } from 'node:os'
import { app } from 'electron'
import { applyXdgAutostart, autostartPlan } from '../desktop/autostart.ts'

export function applyAutostart(enabled: boolean): void {
  const plan = autostartPlan(enabled, { platform: process.platform, execPath: process.execPath, env: process.env, home: homedir() })
  if (plan.kind === 'xdg') applyXdgAutostart(plan)
  else app.setLoginItemSettings({ openAtLogin: plan.openAtLogin })
}
