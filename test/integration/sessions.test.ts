/**
 * Sessions on the real server (its clock set by the test) and livekit-server: a sliding expiry
 * under an absolute lifetime of 90 days, "Sign out everywhere", and lockouts that end with their
 * window.
 */
import { join } from 'node:path'
import { DisconnectReason, RoomEvent } from '@livekit/rtc-node'
import type { FastifyInstance } from 'fastify'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { LobbyToken, SignedIn, SignedOutEverywhere } from '../../protocol/api.ts'
import { failureLimits } from '../../server/auth/rate-limit.ts'
import { buildApp } from '../../server/app.ts'
import { openSqliteStore } from '../../server/store/sqlite/sqlite-store.ts'
import { OWNER_PASSWORD, connectParticipant, createWorkspace, signIn } from '../support/factories.ts'
import { httpClient, type HttpClient } from '../support/http.ts'
import { startLivekit, type TestLivekit } from '../support/livekit.ts'
import { TEST_PASSWORD_COST } from '../support/server.ts'
import { tempDir } from '../support/temp.ts'

const DAY = 24 * 3_600_000

describe('sessions', () => {
  let livekit: TestLivekit
  let app: FastifyInstance
  let http: HttpClient
  let clock = Date.now()
  const dir = tempDir('sessions-')

  beforeAll(async () => {
    livekit = await startLivekit()
    app = await buildApp({ store: openSqliteStore(join(dir.path, 'office.db')), livekit, now: () => clock, passwordCost: TEST_PASSWORD_COST })
    http = httpClient(await app.listen({ port: 0, host: '127.0.0.1' }))
  })
  afterAll(async () => {
    await app?.close()
    await livekit?.stop()
    dir.remove()
  })

  const me = (s: SignedIn) => http.get('/api/me', s.session.token)

  it('end 90 days after sign-in however active, and after 30 idle days before that', async () => {
    const start = clock
    const active = await createWorkspace(http)
    const idle = await signIn(http, active)
    expect(active.session.expiresAt).toBe(start + 30 * DAY)

    clock = start + 30 * DAY - 1
    expect((await me(active)).status).toBe(200)
    clock = start + 30 * DAY
    expect((await me(idle)).status).toBe(401)

    // Used every three weeks, the session slides on, but never past day 90.
    for (const day of [51, 72, 89]) {
      clock = start + day * DAY
      expect((await me(active)).status, `day ${day}`).toBe(200)
    }
    clock = start + 90 * DAY - 1
    expect((await me(active)).status).toBe(200)
    clock = start + 90 * DAY
    expect((await me(active)).status).toBe(401)
    // A new sign-in starts a new 90 days.
    const again = await signIn(http, active)
    expect(again.session.expiresAt).toBe(clock + 30 * DAY)
    expect((await me(again)).status).toBe(200)
  })

  it('"Sign out everywhere" ends every session of the account, in every workspace, drops it from LiveKit, and leaves others signed in', async () => {
    const laptop = await createWorkspace(http, 'First')
    const phone = await signIn(http, laptop)
    // The same account opens a second workspace: another membership, another session.
    const second = (await http.post<SignedIn>('/api/workspaces', { name: 'Second', owner: { name: 'Same', email: laptop.member.email, password: OWNER_PASSWORD } })).body
    expect(second.member.id).not.toBe(laptop.member.id)
    const someoneElse = await createWorkspace(http, 'Theirs')

    const lobbyToken = await http.post<LobbyToken>(`/api/workspaces/${laptop.workspace.id}/lobby/token`, undefined, phone.session.token)
    const lobby = await connectParticipant(lobbyToken.body.url, lobbyToken.body.token)
    const dropped = new Promise<DisconnectReason | undefined>((resolve) => lobby.once(RoomEvent.Disconnected, resolve))

    const res = await http.call<SignedOutEverywhere>('DELETE', '/api/sessions', { token: laptop.session.token })
    expect(res).toEqual({ status: 200, body: { sessionsEnded: 3 } })
    for (const s of [laptop, phone, second]) expect((await me(s)).status).toBe(401)
    expect((await me(someoneElse)).status).toBe(200)
    expect(await dropped).toBe(DisconnectReason.PARTICIPANT_REMOVED)
    // Signed out, the call itself needs a session like any other.
    expect((await http.call('DELETE', '/api/sessions', { token: laptop.session.token })).status).toBe(401)
  })

  it('lift a lockout when its window ends', async () => {
    const victim = await createWorkspace(http)
    const tries = failureLimits.accountAndAddress
    for (let i = 0; i < tries.max; i++) expect((await http.post('/api/sessions', { email: victim.member.email, password: `wrong-${i}-password` })).status).toBe(401)
    const locked = await http.post('/api/sessions', { email: victim.member.email, password: OWNER_PASSWORD })
    expect(locked.status).toBe(429)
    clock += tries.windowMs - 1_000
    expect((await http.post('/api/sessions', { email: victim.member.email, password: OWNER_PASSWORD })).status).toBe(429)
    clock += 1_000
    expect((await http.post('/api/sessions', { email: victim.member.email, password: OWNER_PASSWORD })).status).toBe(201)
  })
})
