/**
 * Applies the navigation, window-open and permission policies to every session and webContents.
 * The decisions live in main/policy; this file only plugs them into Electron's hooks.
 */
import { app, shell, type Session } from 'electron'
import { isAllowedNavigation } from '../policy/navigation.ts'
import { checkPermission, decidePermission } from '../policy/permissions.ts'
import type { RendererTrust } from '../policy/renderer-origin.ts'
import { decideWindowOpen } from '../policy/window-open.ts'

/** Both handlers: without them Electron grants every permission, and a check can bypass a request. */
export function applyPermissionPolicy(ses: Session, trust: RendererTrust): void {
  ses.setPermissionRequestHandler((_contents, permission, callback, details) => {
    const origin = 'securityOrigin' in details && details.securityOrigin ? details.securityOrigin : details.requestingUrl
    const mediaTypes = 'mediaTypes' in details ? (details.mediaTypes ?? []) : []
    callback(decidePermission(permission, origin, { mediaTypes }, trust))
  })
  ses.setPermissionCheckHandler((_contents, permission, requestingOrigin, details) =>
    checkPermission(permission, requestingOrigin, details.mediaType === undefined ? {} : { mediaType: details.mediaType }, trust),
  )
}

/** Registered before any window exists, so no webContents escapes the guards. */
export function guardAllWebContents(trust: RendererTrust): void {
  app.on('web-contents-created', (_event, contents) => {
    const guard = (event: { url: string; preventDefault(): void }): void => {
      if (!isAllowedNavigation(event.url, trust)) event.preventDefault()
    }
    contents.on('will-navigate', guard)
    contents.on('will-redirect', guard)
    contents.on('will-attach-webview', (event) => event.preventDefault())
    contents.setWindowOpenHandler(({ url }) => {
      const decision = decideWindowOpen(url)
      if (decision.openExternally !== null) void shell.openExternal(decision.openExternally)
      return { action: decision.action }
    })
  })
}
