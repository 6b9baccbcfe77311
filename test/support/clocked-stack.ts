/**
 * The real server and livekit-server (webhooks pointed at the server), with a clock the test moves:
 * rules that last minutes (a removal's 5-minute ban, a speaker's grace after leaving) are checked
 * without waiting for them. LiveKit and token lifetimes keep real time; only the server's own
 * decisions read `clock.now`.
 */
import { join } from 'node:path'
import type { FastifyInstance } from 'fastify'
import { buildApp } from '../../server/app.ts'
import { openSqliteStore } from '../../server/store/sqlite/sqlite-store.ts'
import { httpClient, type HttpClient } from './http.ts'
import { startLivekit, type TestLivekit } from './livekit.ts'
import { freeTcpPort } from './ports.ts'
import { TEST_PASSWORD_COST } from './server.ts'
import { tempDir } from './temp.ts'

export interface ClockedStack {
  livekit: TestLivekit
  app: FastifyInstance
  url: string
  http: HttpClient
  /** The server's time: move `now` forward to pass minutes at once. */
  clock: { now: number }
  stop(): Promise<void>
}

/** `previewMaxMs`: how long a preview may linger unentered (the server's default is 20 s). */
export async function startClockedStack(opts: { previewMaxMs?: number } = {}): Promise<ClockedStack> {
  const dir = tempDir('clocked-')
  const port = await freeTcpPort()
  const livekit = await startLivekit({ webhookUrls: [`http://127.0.0.1:${port}/api/livekit/webhook`] })
  const clock = { now: Date.now() }
  const app = await buildApp({ store: openSqliteStore(join(dir.path, 'office.db')), livekit, now: () => clock.now, passwordCost: TEST_PASSWORD_COST, ...opts })
  const url = await app.listen({ port, host: '127.0.0.1' })
  return {
    livekit,
    app,
    url,
    http: httpClient(url),
    clock,
    async stop() {
      await app.close()
      await livekit.stop()
      dir.remove()
    },
  }
}
