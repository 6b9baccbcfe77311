/**
 * /api/health tells an operator (or a load balancer) that the office is degraded while LiveKit is
 * down — the server still signs people in and serves floors, but there is no presence and no call —
 * and that it is whole again once LiveKit is back.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Health } from '../../protocol/api.ts'
import { httpClient } from '../support/http.ts'
import { startStack, type Stack } from '../support/stack.ts'

describe('health', () => {
  let stack: Stack
  beforeAll(async () => {
    stack = await startStack()
  })
  afterAll(async () => {
    await stack?.stop()
  })

  it('reports degraded while livekit-server is down, and ok once it is back', async () => {
    const http = httpClient(stack.server.url)
    expect((await http.get<Health>('/api/health')).body).toMatchObject({ ok: true, status: 'ok', livekit: 'ok' })

    await stack.livekit.kill()
    const down = await http.get<Health>('/api/health')
    expect(down.status).toBe(200)
    expect(down.body).toMatchObject({ ok: true, status: 'degraded', livekit: 'unreachable' })

    await stack.livekit.restart()
    expect((await http.get<Health>('/api/health')).body).toMatchObject({ ok: true, status: 'ok', livekit: 'ok' })
  })
})
