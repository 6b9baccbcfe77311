/**
 * Who may call main's IPC handlers: only frames showing our renderer. `senderFrame` is null once
 * the frame has navigated away or been destroyed, and such a sender is refused.
 */
import { isRendererOrigin, packagedTrust, type RendererTrust } from './renderer-origin.ts'

export function isTrustedSender(url: string | null | undefined, trust: RendererTrust = packagedTrust): boolean {
  return isRendererOrigin(url, trust)
}
