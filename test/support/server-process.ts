/**
 * The real server as a child process (`node server/index.ts`), for tests that must crash it the
 * way an operator's machine would: kill -9 mid-write, then start it again on the same data folder.
 */
import type { LivekitProcess } from '../../scripts/lib/livekit-process.ts'
import { startServerProcess as startProcess, type ServerProcess } from '../../scripts/lib/server-process.ts'
import { TEST_PASSWORD_COST, rendererDir } from './server.ts'

export type { ServerProcess }

export function startServerProcess(opts: {
  dataDir: string
  livekit: Pick<LivekitProcess, 'url' | 'apiKey' | 'apiSecret'>
  port?: number
  timeoutMs?: number
  /** Serve the built client too, as `npm start` does (for Chromium users). */
  serveClient?: boolean
  /** More of its environment, such as DATABASE_URL. */
  env?: NodeJS.ProcessEnv
}): Promise<ServerProcess> {
  return startProcess({
    env: {
      OFFICE_DATA_DIR: opts.dataDir,
      OFFICE_PORT: String(opts.port ?? 0),
      OFFICE_HOST: '127.0.0.1',
      OFFICE_LOG: 'silent',
      OFFICE_TEST_PASSWORD_COST: String(TEST_PASSWORD_COST),
      LIVEKIT_URL: opts.livekit.url,
      LIVEKIT_API_KEY: opts.livekit.apiKey,
      LIVEKIT_API_SECRET: opts.livekit.apiSecret,
      ...(opts.serveClient ? { OFFICE_CLIENT_DIR: rendererDir } : {}),
      ...opts.env,
    },
    ...(opts.timeoutMs ? { timeoutMs: opts.timeoutMs } : {}),
  })
}
