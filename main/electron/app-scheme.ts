/**
 * The `app://bundle` scheme that serves the built renderer instead of `file://` (checklist
 * item 18), with our CSP on every response. The path check is policy/app-protocol.ts.
 */
import { pathToFileURL } from 'node:url'
import { net, protocol } from 'electron'
import { resolveAppPath } from '../policy/app-protocol.ts'
import { APP_SCHEME } from '../policy/renderer-origin.ts'

/** Must run before `ready`: a standard, secure scheme gets a real origin, fetch and 'self' in CSP. */
export function registerAppSchemePrivileged(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, stream: true, codeCache: true } },
  ])
}

/** `csp` is read for each response: it can change while the app runs (main/desktop/reported-livekit.ts). */
export function serveBundle(root: string, csp: () => string): void {
  protocol.handle(APP_SCHEME, async (request) => {
    const file = resolveAppPath(request.url, root)
    const res = file === null ? null : await net.fetch(pathToFileURL(file).href).catch(() => null)
    if (res === null || !res.ok) return new Response('Not found', { status: 404 })
    const headers = new Headers(res.headers)
    headers.set('Content-Security-Policy', csp())
    headers.set('X-Content-Type-Options', 'nosniff')
    return new Response(res.body, { status: res.status, headers })
  })
}
