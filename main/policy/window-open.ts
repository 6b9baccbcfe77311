/**
 * `window.open` and `target=_blank` never create an Electron window (it would inherit nothing of
 * our policy). A safe https link is handed to the system browser instead; anything else, such as
 * `file:`, `smb:` or a custom scheme that launches a local program, is dropped.
 */
import { parseUrl } from './renderer-origin.ts'

export function isSafeExternalUrl(url: string): boolean {
  const u = parseUrl(url)
  return u !== null && u.protocol === 'https:' && u.username === '' && u.password === '' && u.hostname !== ''
}

export interface WindowOpenDecision {
  action: 'deny'
  /** The URL to give to `shell.openExternal`, or null to drop it. */
  openExternally: string | null
}

export function decideWindowOpen(url: string): WindowOpenDecision {
  return { action: 'deny', openExternally: isSafeExternalUrl(url) ? new URL(url).href : null }
}
