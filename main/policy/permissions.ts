/**
 * Chromium permission decisions. Electron grants every permission when no handler is set, so
 * the app sets both the request handler and its check twin from these two functions, which share
 * one truth table: only what a call needs (camera, microphone, screen, notifications), and only
 * for our own renderer (issue 15's checklist: fullscreen is not among them).
 */
import { isRendererOrigin, packagedTrust, type RendererTrust } from './renderer-origin.ts'

const granted = new Set(['media', 'notifications', 'display-capture'])
const mediaKinds = new Set(['audio', 'video'])

export interface PermissionRequestDetails {
  /** Present on 'media' requests. */
  mediaTypes?: readonly string[]
  requestingUrl?: string
}

export interface PermissionCheckDetails {
  /** Present on 'media' checks; Chromium sends 'unknown' when it cannot tell. */
  mediaType?: string
}

/** For `session.setPermissionRequestHandler`. */
export function decidePermission(
  permission: string,
  requestingOrigin: string | null | undefined,
  details: PermissionRequestDetails = {},
  trust: RendererTrust = packagedTrust,
): boolean {
  if (!granted.has(permission) || !isRendererOrigin(requestingOrigin, trust)) return false
  if (permission !== 'media') return true
  return (details.mediaTypes ?? []).every((kind) => mediaKinds.has(kind))
}

/** For `session.setPermissionCheckHandler`: the same table, with the check's own detail shape. */
export function checkPermission(
  permission: string,
  requestingOrigin: string | null | undefined,
  details: PermissionCheckDetails = {},
  trust: RendererTrust = packagedTrust,
): boolean {
  const mediaTypes = details.mediaType === undefined ? [] : [details.mediaType]
  return decidePermission(permission, requestingOrigin, { mediaTypes }, trust)
}
