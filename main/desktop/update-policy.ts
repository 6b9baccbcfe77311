/**
 * Auto-update policy (electron-updater does the work, main/electron/updater.ts wires it): where
 * updates come from, whether to look at all, and the state the renderer shows ("Restart to
 * update"). The feed comes from configuration: a generic HTTPS URL or a GitHub repository; with
 * neither, the feed electron-builder baked into the package (app-update.yml) is used. Updates
 * download in the background and install at the next quit, or at once when the member restarts.
 */
import type { UpdateState } from '../../protocol/desktop-ipc.ts'

export type UpdateFeed = { provider: 'generic'; url: string } | { provider: 'github'; owner: string; repo: string }

export type FeedChoice = { enabled: false; reason: string } | { enabled: true; feed: UpdateFeed | null }

/** How often a running app looks for a new version. */
export const UPDATE_CHECK_MS = 4 * 60 * 60_000

export const initialUpdateState = (enabled: boolean): UpdateState => ({ phase: enabled ? 'idle' : 'disabled', version: null, percent: null, error: null })

type Env = Readonly<Record<string, string | undefined>>

const isLoopback = (host: string) => host === '127.0.0.1' || host === 'localhost' || host === '[::1]'

export function chooseFeed(env: Env, isPackaged: boolean): FeedChoice {
  if (!isPackaged) return { enabled: false, reason: 'not a packaged build' }
  if (env.OFFICE_UPDATES === 'off') return { enabled: false, reason: 'turned off by OFFICE_UPDATES=off' }
  const url = env.OFFICE_UPDATE_URL
  if (url) {
    let u: URL
    try {
      u = new URL(url)
    } catch {
      return { enabled: false, reason: `OFFICE_UPDATE_URL is not a URL: ${url}` }
    }
    // Updates run code: only over TLS (plain HTTP only to this machine, for testing a feed).
    if (u.username || u.password || !(u.protocol === 'https:' || (u.protocol === 'http:' && isLoopback(u.hostname)))) {
      return { enabled: false, reason: `OFFICE_UPDATE_URL must be an https URL without credentials: ${url}` }
    }
    return { enabled: true, feed: { provider: 'generic', url: u.href } }
  }
  const github = env.OFFICE_UPDATE_GITHUB
  if (github) {
    const m = /^([A-Za-z0-9][A-Za-z0-9-]{0,38})\/([A-Za-z0-9._-]{1,100})$/.exec(github)
    if (!m) return { enabled: false, reason: `OFFICE_UPDATE_GITHUB must be owner/repo: ${github}` }
    return { enabled: true, feed: { provider: 'github', owner: m[1]!, repo: m[2]! } }
  }
  return { enabled: true, feed: null }
}

export type UpdaterEvent =
  | { type: 'checking' }
  | { type: 'available'; version: string }
  | { type: 'not-available' }
  | { type: 'progress'; percent: number }
  | { type: 'downloaded'; version: string }
  | { type: 'error'; message: string }

export function nextUpdateState(state: UpdateState, event: UpdaterEvent): UpdateState {
  if (state.phase === 'disabled') return state
  // A downloaded update stays ready (it installs at quit) whatever a later check says.
  if (state.phase === 'ready' && event.type !== 'downloaded') return state
  switch (event.type) {
    case 'checking':
      return { ...state, phase: 'checking', error: null }
    case 'available':
      return { phase: 'downloading', version: event.version.slice(0, 64), percent: 0, error: null }
    case 'not-available':
      return { phase: 'idle', version: null, percent: null, error: null }
    case 'progress':
      return state.phase === 'downloading' ? { ...state, percent: Math.min(100, Math.max(0, Math.round(event.percent))) } : state
    case 'downloaded':
      return { phase: 'ready', version: event.version.slice(0, 64), percent: 100, error: null }
    case 'error':
      return { phase: 'error', version: state.version, percent: null, error: event.message.slice(0, 500) }
  }
}
