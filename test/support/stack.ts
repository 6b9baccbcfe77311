/** A whole office backend for one test file: livekit-server with its webhooks pointed at the server. */
import { startLivekit, type TestLivekit } from './livekit.ts'
import { freeTcpPort } from './ports.ts'
import { startServer, type TestServer } from './server.ts'

export interface Stack {
  livekit: TestLivekit
  server: TestServer
  port: number
  stop(): Promise<void>
}

export async function startStack(opts: { serveClient?: boolean; origins?: string[] } = {}): Promise<Stack> {
  const port = await freeTcpPort()
  const livekit = await startLivekit({ webhookUrls: [`http://127.0.0.1:${port}/api/livekit/webhook`] })
  const stack: Stack = {
    livekit,
    server: await startServer({ livekit, port, ...opts }),
    port,
    async stop() {
      // A test may have replaced the server (a restart); stop whichever runs now.
      await stack.server.stop()
      await livekit.stop()
    },
  }
  return stack
}
