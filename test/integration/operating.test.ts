/**
 * What an operator sees of the server process started from its environment, as `npm start` or a
 * unit file starts it: one JSON log line per request carrying the request's id (the proxy's, when
 * sane, echoed back in `x-request-id`), no secrets from paths in the logs, and /metrics turned on
 * by OFFICE_METRICS_TOKEN.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startServerProcess, type ServerProcess } from '../../scripts/lib/server-process.ts'
import { until } from '../support/factories.ts'
import { startLivekit, type TestLivekit } from '../support/livekit.ts'
import { TEST_PASSWORD_COST } from '../support/server.ts'
import { tempDir } from '../support/temp.ts'

const TOKEN = 'operating-test-metrics-token-0123'
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/

interface LogLine {
  reqId?: string
  msg?: string
  route?: string
  method?: string
  status?: number
  url?: string
}

describe('the server process, as operated', () => {
  let livekit: TestLivekit
  let server: ServerProcess
  const dirs: { remove(): void }[] = []
  const env = (extra: Record<string, string>) => {
    const dir = tempDir('operating-')
    dirs.push(dir)
    return {
      OFFICE_DATA_DIR: dir.path,
      OFFICE_PORT: '0',
      OFFICE_HOST: '127.0.0.1',
      OFFICE_LOG: 'info',
      OFFICE_TEST_PASSWORD_COST: String(TEST_PASSWORD_COST),
      LIVEKIT_URL: livekit.url,
      LIVEKIT_API_KEY: livekit.apiKey,
      LIVEKIT_API_SECRET: livekit.apiSecret,
      ...extra,
    }
  }
  /** The JSON lines the server wrote to stdout so far. */
  const logLines = (): LogLine[] =>
    server
      .output()
      .split('\n')
      .filter((l) => l.startsWith('{'))
      .map((l) => JSON.parse(l) as LogLine)
  const lineOf = async (reqId: string): Promise<LogLine> => {
    await until(async () => logLines().some((l) => l.reqId === reqId && l.msg === 'request completed'), `the log line of request ${reqId}`)
    return logLines().find((l) => l.reqId === reqId && l.msg === 'request completed')!
  }
  const get = (path: string, headers: Record<string, string> = {}) => fetch(`${server.url}${path}`, { headers })

  beforeAll(async () => {
    livekit = await startLivekit()
    server = await startServerProcess({ env: env({ OFFICE_METRICS_TOKEN: TOKEN }) })
  })
  afterAll(async () => {
    await server?.stop()
    await livekit?.stop()
    for (const d of dirs) d.remove()
  })

  it("answers a sane x-request-id back, and logs the request's one line under it", async () => {
    const id = 'haproxy-7F000001:D4A2_5F3E2A1B.42'
    const res = await get('/api/workspaces/ws_unknown/floors', { 'x-request-id': id })
    expect(res.status).toBe(401)
    expect(res.headers.get('x-request-id')).toBe(id)
    expect(await lineOf(id)).toMatchObject({ method: 'GET', route: '/api/workspaces/:ws/floors', status: 401 })
  })

  it.each([
    ['too long', 'x'.repeat(65)],
    ['with spaces', 'my request id'],
    ['with odd characters', 'id;drop<script>'],
    ['with a slash', 'a/b'],
  ])('replaces an id %s with a fresh one', async (_what, bad) => {
    const res = await get('/api/me', { 'x-request-id': bad })
    const id = res.headers.get('x-request-id')!
    expect(id).toMatch(UUID)
    expect((await lineOf(id)).route).toBe('/api/me')
    expect(server.output()).not.toContain(bad)
  })

  it('makes an id for a request that brings none, a different one each time', async () => {
    const ids = await Promise.all([get('/api/me'), get('/api/me')].map(async (r) => (await r).headers.get('x-request-id')))
    for (const id of ids) expect(id).toMatch(UUID)
    expect(ids[0]).not.toBe(ids[1])
  })

  it('keeps invite codes and other path values out of the log: the route pattern, never the URL', async () => {
    const res = await fetch(`${server.url}/api/invites/secret-invite-code-987/accept`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'Eve', email: 'eve@example.com', password: 'eve-password' }),
    })
    expect(res.status).toBe(410)
    const line = await lineOf(res.headers.get('x-request-id')!)
    expect(line).toMatchObject({ method: 'POST', route: '/api/invites/:code/accept', status: 410 })
    expect(line.url).toBeUndefined()
    expect(server.output()).not.toContain('secret-invite-code-987')
  })

  it('serves /metrics with the token from OFFICE_METRICS_TOKEN, and no one without it', async () => {
    expect((await get('/metrics')).status).toBe(401)
    const res = await get('/metrics', { authorization: `Bearer ${TOKEN}` })
    expect(res.status).toBe(200)
    expect(await res.text()).toContain('office_http_request_duration_seconds_count{')
  })

  it('refuses to start on a metrics token short enough to guess', async () => {
    await expect(startServerProcess({ env: env({ OFFICE_METRICS_TOKEN: 'short' }) })).rejects.toThrow(/OFFICE_METRICS_TOKEN must be at least 16 characters/)
  })
})
