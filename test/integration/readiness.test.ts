/**
 * /api/ready tells a load balancer whether this instance can serve: 503, naming the part, while
 * LiveKit or the database does not answer, and 200 again once it does. /api/health stays
 * liveness: the process answers, so nobody restarts it for a database outage.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Health, Ready } from '../../protocol/api.ts'
import { buildApp } from '../../server/app.ts'
import { openPostgresStore } from '../../server/store/postgres/postgres-store.ts'
import { httpClient } from '../support/http.ts'
import { startPostgres } from '../support/postgres.ts'
import { TEST_PASSWORD_COST } from '../support/server.ts'
import { startStack, type Stack } from '../support/stack.ts'

describe('readiness', () => {
  let stack: Stack
  beforeAll(async () => {
    stack = await startStack()
  })
  afterAll(async () => {
    await stack?.stop()
  })

  it('is 503 naming LiveKit while livekit-server is down, and ready once it is back', async () => {
    const http = httpClient(stack.server.url)
    expect(await http.get<Ready>('/api/ready')).toEqual({ status: 200, body: { status: 'ready', database: 'ok', livekit: 'ok' } })

    await stack.livekit.kill()
    expect(await http.get<Ready>('/api/ready')).toEqual({ status: 503, body: { status: 'unready', database: 'ok', livekit: 'unreachable' } })
    expect((await http.get<Health>('/api/health')).status).toBe(200)

    await stack.livekit.restart()
    expect(await http.get<Ready>('/api/ready')).toEqual({ status: 200, body: { status: 'ready', database: 'ok', livekit: 'ok' } })
  })

  it('is 503 naming the database once the store no longer answers, while liveness still answers', async () => {
    const http = httpClient(stack.server.url)
    // The real SQLite store, closed under the running server: every read now fails, as a lost
    // database connection does.
    stack.server.app.store.close()
    expect(await http.get<Ready>('/api/ready')).toEqual({ status: 503, body: { status: 'unready', database: 'unreachable', livekit: 'ok' } })
    expect(await http.get<Health>('/api/health')).toMatchObject({ status: 200, body: { ok: true, status: 'ok' } })
  })

  it('is 503 naming the database once PostgreSQL is gone, while liveness still answers', async () => {
    // Its own server on a real PostgreSQL, stopped at once under it as a crash would.
    const postgres = await startPostgres()
    const { livekit } = stack
    const app = await buildApp({
      store: await openPostgresStore(await postgres.createDatabase()),
      livekit: { url: livekit.url, apiKey: livekit.apiKey, apiSecret: livekit.apiSecret },
      passwordCost: TEST_PASSWORD_COST,
    })
    try {
      const http = httpClient(await app.listen({ port: 0, host: '127.0.0.1' }))
      expect(await http.get<Ready>('/api/ready')).toEqual({ status: 200, body: { status: 'ready', database: 'ok', livekit: 'ok' } })
      await postgres.stop()
      expect(await http.get<Ready>('/api/ready')).toEqual({ status: 503, body: { status: 'unready', database: 'unreachable', livekit: 'ok' } })
      expect((await http.get<Health>('/api/health')).status).toBe(200)
    } finally {
      await app.close()
      await postgres.stop()
    }
  })
})
