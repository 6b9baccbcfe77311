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

/** Installs the routes; call before the page opens its sockets (the `beforeLoad` of openUser). */
export async function cuttableNetwork(context: BrowserContext): Promise<NetworkCut> {
  let down = false
  const open = new Set<WebSocketRoute>()
  await context.routeWebSocket(
    () => true,
    (ws) => {
      if (down) return void ws.close({ code: 1011, reason: 'network down' })
      open.add(ws)
      ws.connectToServer()
    },
  )
  return {
    async cut() {
      down = true
      await context.setOffline(true)
      await Promise.all([...open].map((ws) => ws.close({ code: 1011, reason: 'network down' }).catch(() => undefined)))
      open.clear()
    },
    async restore() {
      down = false
      await context.setOffline(false)
    },
  }
}
