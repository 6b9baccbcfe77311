/**
 * Auto-update with electron-updater: the feed from desktop/update-policy.ts, downloads in the
 * background, `update:changed` to the renderer at each step (it offers "Restart to update"), and
 * the install at the next quit unless the member restarts first.
 */
import electronUpdater from 'electron-updater'
import type { UpdateState } from '../../protocol/desktop-ipc.ts'
import { chooseFeed, initialUpdateState, nextUpdateState, UPDATE_CHECK_MS, type UpdaterEvent } from '../desktop/update-policy.ts'

export interface Updates {
  state(): UpdateState
  restart(): void
}

export function startUpdates(isPackaged: boolean, changed: (state: UpdateState) => void, env = process.env): Updates {
  const choice = chooseFeed(env, isPackaged)
  let state = initialUpdateState(choice.enabled)
  if (!choice.enabled) {
    if (isPackaged) console.warn(`updates are off: ${choice.reason}`)
    return { state: () => state, restart: () => {} }
  }
  // electron-updater is CommonJS: its named exports come through the default import.
  const { autoUpdater } = electronUpdater
  if (choice.feed) autoUpdater.setFeedURL(choice.feed)
  autoUpdater.autoDownload = true
  autoUpdater.autoInstallOnAppQuit = true
  const on = (event: UpdaterEvent): void => {
    const next = nextUpdateState(state, event)
    if (next === state) return
    state = next
    changed(state)
  }
  autoUpdater.on('checking-for-update', () => on({ type: 'checking' }))
  autoUpdater.on('update-available', (info) => on({ type: 'available', version: info.version }))
  autoUpdater.on('update-not-available', () => on({ type: 'not-available' }))
  autoUpdater.on('download-progress', (p) => on({ type: 'progress', percent: p.percent }))
  autoUpdater.on('update-downloaded', (info) => on({ type: 'downloaded', version: info.version }))
  autoUpdater.on('error', (err) => on({ type: 'error', message: err.message }))
  const check = () => void autoUpdater.checkForUpdates().catch((err: unknown) => on({ type: 'error', message: err instanceof Error ? err.message : String(err) }))
  check()
  setInterval(check, UPDATE_CHECK_MS).unref()
  return {
    state: () => state,
    restart() {
      if (state.phase === 'ready') autoUpdater.quitAndInstall()
    },
  }
}
