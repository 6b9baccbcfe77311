/** The real server on an ephemeral loopback port with its own SQLite file, in this process. */
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import type { FastifyInstance } from 'fastify'
import { buildApp } from '../../server/app.ts'
import { openSqliteStore } from '../../server/store/sqlite/sqlite-store.ts'
import { root } from '../../scripts/lib/system.ts'
import type { LivekitProcess } from '../../scripts/lib/livekit-process.ts'
import { tempDir } from './temp.ts'

export interface TestServer {
  url: string
  app: FastifyInstance
  dataDir: string
  /** The extra CORS origins it was started with, to start it again alike. */
  origins: string[]
  /** Closes the server; its data folder is removed unless `keepData` (to start it again on the same data). */
  stop(opts?: { keepData?: boolean }): Promise<void>
}

export const rendererDir = join(root, 'out', 'renderer')

/**
 * log2 of scrypt's N for the passwords test servers hash: tests hash hundreds, and at the real
 * cost (2^17, ~0.3-1 s each) the suites would take minutes longer. Tests of the cost itself, and
 * the sign-in benchmark, use the real one.
 */
export const TEST_PASSWORD_COST = 10

export async function startServer(opts: {
  livekit: Pick<LivekitProcess, 'url' | 'apiKey' | 'apiSecret'>
  serveClient?: boolean
  port?: number
  dataDir?: string
  /** Extra origins allowed by CORS, such as the desktop bundle's test origin. */
  origins?: string[]
}): Promise<TestServer> {
  if (opts.serveClient && !existsSync(join(rendererDir, 'index.html'))) {
    throw new Error(`the renderer is not built (${rendererDir}); run \`npm run build\` or \`npm test\``)
  }
  const dir = opts.dataDir ? null : tempDir('server-')
  const dataDir = opts.dataDir ?? dir!.path
  const app = await buildApp({
    store: openSqliteStore(join(dataDir, 'office.db')),
    // With the store, as `npm start` keeps them: attachments survive a restart on the same data.
    attachmentsDir: join(dataDir, 'attachments'),
    livekit: { url: opts.livekit.url, apiKey: opts.livekit.apiKey, apiSecret: opts.livekit.apiSecret },
    clientDir: opts.serveClient ? rendererDir : null,
    origins: ['app://bundle', ...(opts.origins ?? [])],
    passwordCost: TEST_PASSWORD_COST,
  })
  const url = await app.listen({ port: opts.port ?? 0, host: '127.0.0.1' })
  return {
    url,
    app,
    dataDir,
    origins: opts.origins ?? [],
    async stop({ keepData = false } = {}) {
      await app.close()
      if (!keepData) dir?.remove()
    },
  }
}
