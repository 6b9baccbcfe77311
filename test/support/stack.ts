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

/**
 * `supervisedLivekit`: livekit-server runs under the supervisor `npm start` uses (restarted when
 * killed), which writes its lines to `livekitLog`.
 */
export async function startStack(
  opts: { serveClient?: boolean; origins?: string[]; supervisedLivekit?: boolean; livekitLog?: (line: string) => void } = {},
): Promise<Stack> {
  const { supervisedLivekit, livekitLog, ...serverOpts } = opts
  const port = await freeTcpPort()
  const livekit = await startLivekit({
    webhookUrls: [`http://127.0.0.1:${port}/api/livekit/webhook`],
    supervised: supervisedLivekit ?? false,
    ...(livekitLog ? { log: livekitLog } : {}),
  })
  const stack: Stack = {
    livekit,
    server: await startServer({ livekit, port, ...serverOpts }),
    port,
    async stop() {
      // A test may have replaced the server (a restart); stop whichever runs now.
      await stack.server.stop()
      await livekit.stop()
    },
  }
  return stack
}
