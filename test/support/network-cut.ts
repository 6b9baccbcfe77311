/**
 * Cuts a browser context off the network and brings it back. Playwright's offline mode fails new
 * requests and sets navigator.onLine, but Chromium leaves open WebSockets (and WebRTC) running;
 * so every WebSocket of the context goes through a route that this closes at the cut and refuses
 * while it lasts, as a dropped network would. WebRTC media itself cannot be cut from here.
 */
import type { BrowserContext, WebSocketRoute } from 'playwright-core'

export interface NetworkCut {
  cut(): Promise<void>
  restore(): Promise<void>
}

export interface SocketCut extends NetworkCut {
  /** How many of the chosen sockets were refused while cut (each a reconnection attempt). */
  refused(): number
}

/**
 * Cuts only the WebSockets `which` picks by URL (one LiveKit room's signalling, say), closing them
 * at the cut and refusing them while it lasts; the rest of the network stays up. Call before the
 * page opens its sockets (the `beforeLoad` of openUser).
 */
export async function cuttableSockets(context: BrowserContext, which: (url: URL) => boolean): Promise<SocketCut> {
  let down = false
  let refused = 0
  const open = new Set<WebSocketRoute>()
  await context.routeWebSocket(
    () => true,
    (ws) => {
      const chosen = which(new URL(ws.url()))
      if (down && chosen) {
        refused++
        return void ws.close({ code: 1011, reason: 'network down' })
      }
      if (chosen) open.add(ws)
      ws.connectToServer()
    },
  )
  return {
    async cut() {
      down = true
      await Promise.all([...open].map((ws) => ws.close({ code: 1011, reason: 'network down' }).catch(() => undefined)))
      open.clear()
    },
    async restore() {
      down = false
    },
    refused: () => refused,
  }
}

/** Installs the routes; call before the page opens its sockets (the `beforeLoad` of openUser). */
export async function cuttableNetwork(context: BrowserContext): Promise<NetworkCut> {
  const sockets = await cuttableSockets(context, () => true)
  return {
    async cut() {
      const closing = sockets.cut() // refusing new sockets from now on
      await context.setOffline(true)
      await closing
    },
    async restore() {
      await sockets.restore()
      await context.setOffline(false)
    },
  }
}

/** Whether `url` is a LiveKit signalling connection to a room `pick` chooses by its LiveKit name (read from its access token). */
export function signallingTo(pick: (livekitRoom: string) => boolean): (url: URL) => boolean {
  return (url) => {
    const token = url.searchParams.get('access_token')
    const payload = token?.split('.')[1]
    if (!payload) return false
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as { video?: { room?: string } }
    return claims.video?.room !== undefined && pick(claims.video.room)
  }
}
