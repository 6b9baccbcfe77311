/**
 * /metrics, as Prometheus scrapes it: behind the configured bearer token, counting what people
 * did (sessions, LiveKit tokens by kind, floor edits), webhook lag from the real livekit-server,
 * and request latency by route pattern — never by raw URL, which carries ids and invite codes.
 */
import { join } from 'node:path'
import type { FastifyInstance } from 'fastify'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { SignedIn } from '../../protocol/api.ts'
import { buildApp } from '../../server/app.ts'
import { openSqliteStore } from '../../server/store/sqlite/sqlite-store.ts'
import { addMember, connectParticipant, createWorkspace, editFloor, signIn, until } from '../support/factories.ts'
import { httpClient } from '../support/http.ts'
import { startLivekit, type TestLivekit } from '../support/livekit.ts'
import { freeTcpPort } from '../support/ports.ts'
import { TEST_PASSWORD_COST } from '../support/server.ts'
import { tempDir } from '../support/temp.ts'

const TOKEN = 'metrics-token-for-the-test-0123456789'

/** The value of the series `name` whose labels include `labels`, summed over the rest; 0 when absent. */
function sample(text: string, name: string, labels: Record<string, string> = {}): number {
  let total = 0
  for (const line of text.split('\n')) {
    const match = /^([a-zA-Z_:][\w:]*)(?:\{(.*)\})? (\S+)$/.exec(line)
    if (!match || match[1] !== name) continue
    const has = Object.fromEntries([...(match[2] ?? '').matchAll(/(\w+)="([^"]*)"/g)].map((m) => [m[1], m[2]]))
    if (Object.entries(labels).every(([k, v]) => has[k] === v)) total += Number(match[3])
  }
  return total
}

describe('/metrics', () => {
  let livekit: TestLivekit
  const apps: FastifyInstance[] = []
  const dirs: { remove(): void }[] = []
  let url: string

  /** The real server on `port` with its own SQLite file, and /metrics behind `metricsToken`. */
  async function start(metricsToken: string | null, port = 0): Promise<string> {
    const dir = tempDir('metrics-')
    dirs.push(dir)
    const app = await buildApp({
      store: openSqliteStore(join(dir.path, 'office.db')),
      livekit: { url: livekit.url, apiKey: livekit.apiKey, apiSecret: livekit.apiSecret },
      passwordCost: TEST_PASSWORD_COST,
      metricsToken,
    })
    apps.push(app)
    return app.listen({ port, host: '127.0.0.1' })
  }
  const scrape = async (base = url, token = TOKEN) => {
    const res = await fetch(`${base}/metrics`, { headers: { authorization: `Bearer ${token}` } })
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/)
    return res.text()
  }

  beforeAll(async () => {
    const port = await freeTcpPort()
    livekit = await startLivekit({ webhookUrls: [`http://127.0.0.1:${port}/api/livekit/webhook`] })
    url = await start(TOKEN, port)
  })
  afterAll(async () => {
    await Promise.all(apps.map((a) => a.close()))
    await livekit?.stop()
    for (const d of dirs) d.remove()
  })

  it('asks for the bearer token, and does not exist without one configured', async () => {
    const status = async (base: string, headers: Record<string, string> = {}) => (await fetch(`${base}/metrics`, { headers })).status
    const none = await fetch(`${url}/metrics`)
    expect(none.status).toBe(401)
    expect(none.headers.get('www-authenticate')).toBe('Bearer')
    expect(await status(url, { authorization: 'Bearer wrong' })).toBe(401)
    expect(await status(url, { authorization: `Bearer ${TOKEN}x` })).toBe(401)
    expect(await status(url, { authorization: `Basic ${Buffer.from(`x:${TOKEN}`).toString('base64')}` })).toBe(401)
    expect(await status(url, { authorization: `Bearer ${TOKEN}` })).toBe(200)

    expect(await status(await start(null), { authorization: `Bearer ${TOKEN}` })).toBe(404)
  })

  it('counts sessions by how they opened, LiveKit tokens by kind and accepted edits; refusals count nothing', async () => {
    const http = httpClient(url)
    const before = await scrape()
    const owner = await createWorkspace(http)
    await signIn(http, owner)
    expect((await http.post('/api/sessions', { email: owner.member.email, password: 'not-the-password' })).status).toBe(401)
    const member = await addMember(http, owner)
    for (const who of [owner, member]) expect((await http.post(`/api/workspaces/${who.workspace.id}/lobby/token`, undefined, who.session.token)).status).toBe(200)
    expect((await http.post(`/api/workspaces/${owner.workspace.id}/rooms/room_meeting/token`, undefined, owner.session.token)).status).toBe(200)
    expect((await http.post(`/api/workspaces/${owner.workspace.id}/rooms/room_private/token`, undefined, member.session.token)).status).toBe(403)
    await editFloor(http, owner, [{ op: 'desk.update', id: 'desk_2', changes: { label: 'Window seat' } }])
    const stale = await http.post(`/api/workspaces/${owner.workspace.id}/floors/floor_main/edits`, { baseVersion: 0, ops: [{ op: 'desk.update', id: 'desk_3', changes: { label: 'x' } }] }, owner.session.token)
    expect(stale.status).toBe(409)

    const after = await scrape()
    const grew = (name: string, labels: Record<string, string>) => sample(after, name, labels) - sample(before, name, labels)
    expect({
      signIn: grew('office_sessions_opened_total', { via: 'sign-in' }),
      newWorkspace: grew('office_sessions_opened_total', { via: 'new-workspace' }),
      invite: grew('office_sessions_opened_total', { via: 'invite' }),
      lobby: grew('office_livekit_tokens_issued_total', { kind: 'lobby' }),
      room: grew('office_livekit_tokens_issued_total', { kind: 'room' }),
      edits: grew('office_floor_edits_total', { via: 'edit' }),
    }).toEqual({ signIn: 1, newWorkspace: 1, invite: 1, lobby: 2, room: 1, edits: 1 })
  })

  it('times requests by route pattern, method and status class, never by raw URL', async () => {
    const http = httpClient(url)
    const owner: SignedIn = await createWorkspace(http)
    const before = await scrape()
    await http.get(`/api/workspaces/${owner.workspace.id}/floors/floor_main`, owner.session.token)
    await http.get(`/api/workspaces/${owner.workspace.id}/floors/floor_none`, owner.session.token)
    await http.post('/api/invites/secret-invite-code-1234/accept', { name: 'X', email: 'x@example.com', password: 'password-x' })
    await http.get('/no/such/page-abc123')
    const after = await scrape()
    const grew = (labels: Record<string, string>) => sample(after, 'office_http_request_duration_seconds_count', labels) - sample(before, 'office_http_request_duration_seconds_count', labels)
    const floorRoute = '/api/workspaces/:ws/floors/:floor'
    expect(grew({ route: floorRoute, method: 'GET', status_class: '2xx' })).toBe(1)
    expect(grew({ route: floorRoute, method: 'GET', status_class: '4xx' })).toBe(1)
    expect(grew({ route: '/api/invites/:code/accept', method: 'POST', status_class: '4xx' })).toBe(1)
    expect(grew({ route: 'unmatched', method: 'GET', status_class: '4xx' })).toBe(1)
    for (const secret of [owner.workspace.id, 'secret-invite-code-1234', 'page-abc123']) expect(after).not.toContain(secret)
    // Process metrics come along (prom-client's defaults).
    expect(sample(after, 'process_cpu_user_seconds_total')).toBeGreaterThan(0)
    expect(after).toContain('nodejs_eventloop_lag_seconds')
  })

  it("measures webhook lag from LiveKit's own event stamps", async () => {
    const http = httpClient(url)
    const owner = await createWorkspace(http)
    const joined = { event: 'participant_joined' }
    const before = sample(await scrape(), 'office_webhook_lag_seconds_count', joined)
    const lobby = await http.post<{ url: string; token: string }>(`/api/workspaces/${owner.workspace.id}/lobby/token`, undefined, owner.session.token)
    const room = await connectParticipant(lobby.body.url, lobby.body.token)
    try {
      let text = ''
      await until(async () => sample((text = await scrape()), 'office_webhook_lag_seconds_count', joined) > before, 'the participant_joined webhook in the lag histogram')
      // On loopback the true lag is milliseconds; LiveKit's whole-second stamps add up to 1 s.
      const lag = sample(text, 'office_webhook_lag_seconds_sum', joined) / sample(text, 'office_webhook_lag_seconds_count', joined)
      expect(lag).toBeGreaterThanOrEqual(0)
      expect(lag).toBeLessThan(3)
      expect(sample(text, 'office_webhook_lag_seconds_bucket', { ...joined, le: '+Inf' })).toBe(sample(text, 'office_webhook_lag_seconds_count', joined))
    } finally {
      await room.disconnect()
    }
  })

  it('keeps one registry per app: two servers in one process count apart', async () => {
    const other = await start('another-metrics-token-0123456789')
    const before = { mine: sample(await scrape(), 'office_sessions_opened_total'), theirs: sample(await scrape(other, 'another-metrics-token-0123456789'), 'office_sessions_opened_total') }
    await createWorkspace(httpClient(other))
    expect(sample(await scrape(other, 'another-metrics-token-0123456789'), 'office_sessions_opened_total')).toBe(before.theirs + 1)
    expect(sample(await scrape(), 'office_sessions_opened_total')).toBe(before.mine)
  })
})
