/**
 * The main window: secure webPreferences, the renderer from `app://bundle` (or the dev server),
 * and its placement remembered in the cache between runs.
 */
import { BrowserWindow, screen } from 'electron'
import type { Cache } from '../cache/open.ts'
import { getSetting, putSetting } from '../cache/queries.ts'
import { secureWebPreferences } from '../policy/web-preferences.ts'
import { parseWindowBounds, visibleBounds, windowBoundsKey } from '../policy/window-bounds.ts'

export interface MainWindowOptions {
  cache: Cache
  preloadPath: string
  url: string
  debug: boolean
}

export function createMainWindow({ cache, preloadPath, url, debug }: MainWindowOptions): BrowserWindow {
  const workAreas = screen.getAllDisplays().map((d) => d.workArea)
  const saved = visibleBounds(parseWindowBounds(getSetting(cache, windowBoundsKey)), workAreas)
  const win = new BrowserWindow({
    width: saved?.width ?? 1280,
    height: saved?.height ?? 800,
    ...(saved ? { x: saved.x, y: saved.y } : {}),
    minWidth: 640,
    minHeight: 480,
    title: 'Virtual Office',
    // Shown once painted, so the user never sees a white flash before the cached floor appears.
    show: false,
    webPreferences: secureWebPreferences(preloadPath, { debug }),
  })
  win.once('ready-to-show', () => {
    if (saved?.maximized) win.maximize()
    win.show()
  })
  // 'close' still has the bounds; by 'closed' the window is gone. getNormalBounds ignores maximising.
  win.on('close', () => {
    const bounds = { ...win.getNormalBounds(), maximized: win.isMaximized() }
    putSetting(cache, windowBoundsKey, JSON.stringify(bounds))
  })
  void win.loadURL(url)
  return win
}
