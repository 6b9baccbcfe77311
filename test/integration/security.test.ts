/**
 * Security properties an operator would notice, on the real server and livekit-server: sign-in
 * answers (its limits: sign-in-abuse.test.ts), sessions ended by sign-out, password change and
 * removal (in LiveKit too, where tokens a device still holds let it back in no more),
 * invites, body limits, CORS, one error shape, and what the SQLite file holds (hashes only).
 */
import { createHash } from 'node:crypto'
import { readFileSync, existsSync } from 'node:fs'
import { join } from 'node:path'
import { DisconnectReason, RoomEvent, type Room } from '@livekit/rtc-node'
import Database from 'better-sqlite3'
import { AccessToken, RoomServiceClient } from 'livekit-server-sdk'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { LobbyToken, RoomToken, SignedIn } from '../../protocol/api.ts'
import { errorCodes } from '../../protocol/errors.ts'
import { lobbyRoomName, mediaRoomName } from '../../protocol/presence.ts'
import { MEMBER_PASSWORD, OWNER_PASSWORD, addMember, connectParticipant, createWorkspace, inviteCode, newPerson, occupantsOf, occupy, signIn, until } from '../support/factories.ts'
import { httpClient, type HttpClient, type HttpResult } from '../support/http.ts'
import { startStack, type Stack } from '../support/stack.ts'

type Body = Record<string, unknown>

let stack: Stack
let http: HttpClient
let owner: SignedIn
/** Every secret the server handed out or was given in this file; none may be stored as is. */
const secrets = new Set<string>()
const rooms: Room[] = []
const seen = <T extends SignedIn>(s: T): T => (secrets.add(s.session.token), s)

/** Every failed call answers `{ error, message, field? }` (plus `reason`/`currentVersion` where documented). */
function expectErrorBody(res: HttpResult<unknown>, status: number, field?: string): Body {
  expect(res.status, JSON.stringify(res.body)).toBe(status)
  const body = res.body as Body
  expect(Object.keys(body).filter((k) => !['error', 'message', 'field', 'reason', 'currentVersion'].includes(k))).toEqual([])
  expect(Object.values(errorCodes)).toContain(body.error)
  expect(body.message).toEqual(expect.any(String))
  expect(String(body.message).length).toBeGreaterThan(0)
  expect(body.field).toBe(field)
  return body
}

const signInBody = (who: SignedIn, password: string) => ({ email: who.member.email, password })

describe('security', () => {
  beforeAll(async () => {
    stack = await startStack()
    http = httpClient(stack.server.url)
    owner = seen(await createWorkspace(http, 'Secure'))
  })
  afterAll(async () => {
    await Promise.all(rooms.map((r) => r.disconnect()))
    await stack?.stop()
  })

  describe('signing in', () => {
    it('answers an unknown email and a wrong password alike: 401, same body', async () => {
      const member = seen(await addMember(http, owner))
      const unknown = await http.post('/api/sessions', { email: 'nobody-here@example.com', password: MEMBER_PASSWORD })
      const wrong = await http.post('/api/sessions', signInBody(member, 'not-the-password'))
      expectErrorBody(unknown, 401)
      expect(wrong).toEqual(unknown)
      // A workspace the account is not in gets the same answer too.
      const other = await createWorkspace(http, 'Elsewhere')
      expect(await http.post('/api/sessions', { ...signInBody(member, MEMBER_PASSWORD), workspaceId: other.workspace.id })).toEqual(unknown)
      expect((await http.post('/api/sessions', signInBody(member, MEMBER_PASSWORD))).status).toBe(201)
    })
  })

  describe('sessions', () => {
    it('signing out ends that session at once and no other', async () => {
      const member = seen(await addMember(http, owner))
      const second = seen(await signIn(http, member))
      expect((await http.call('DELETE', '/api/sessions/current', { token: second.session.token })).status).toBe(204)
      expectErrorBody(await http.get('/api/me', second.session.token), 401)
      expectErrorBody(await http.call('DELETE', '/api/sessions/current', { token: second.session.token }), 401)
      expect((await http.get('/api/me', member.session.token)).status).toBe(200)
    })

    it('a new password needs the current one, then ends every other session but the current one', async () => {
      const member = seen(await addMember(http, owner))
      const laptop = seen(await signIn(http, member))
      const phone = seen(await signIn(http, member))
      const change = (body: Body) => http.call<Body>('PATCH', '/api/me', { token: laptop.session.token, body })
      expectErrorBody(await change({ password: 'brand-new-password' }), 400, 'currentPassword')
      expectErrorBody(await change({ password: 'brand-new-password', currentPassword: 'not-the-password' }), 400, 'currentPassword')
      expect((await http.get('/api/me', phone.session.token)).status).toBe(200)

      secrets.add('brand-new-password')
      expect((await change({ password: 'brand-new-password', currentPassword: MEMBER_PASSWORD })).status).toBe(200)
      expect((await http.get('/api/me', laptop.session.token)).status).toBe(200)
      expectErrorBody(await http.get('/api/me', phone.session.token), 401)
      expectErrorBody(await http.get('/api/me', member.session.token), 401)
      expectErrorBody(await http.post('/api/sessions', signInBody(member, MEMBER_PASSWORD)), 401)
      seen(await signIn(http, member, 'brand-new-password'))
    })

    it('a device whose session ended neither stays in LiveKit nor comes back on the tokens it holds', async () => {
      const member = seen(await addMember(http, owner))
      const other = seen({ ...member, session: (await http.post<SignedIn>('/api/sessions', signInBody(member, MEMBER_PASSWORD))).body.session })
      const dropped = (room: Room) => new Promise<DisconnectReason>((resolve) => room.once(RoomEvent.Disconnected, resolve))
      const join = async (url: string, token: string) => {
        const room = await connectParticipant(url, token)
        rooms.push(room)
        return room
      }
      // The other device sits in the lobby and the lounge; this one is in the meeting room.
      const lobbyToken = (await http.post<LobbyToken>(`/api/workspaces/${owner.workspace.id}/lobby/token`, undefined, other.session.token)).body
      const loungeToken = (await http.post<RoomToken>(`/api/workspaces/${owner.workspace.id}/rooms/room_lounge/token`, undefined, other.session.token)).body
      const [lobby, lounge] = [await join(lobbyToken.url, lobbyToken.token), await join(loungeToken.url, loungeToken.token)]
      const mine = await occupy(http, member, 'room_meeting')
      rooms.push(mine)
      const gone = Promise.all([dropped(lobby), dropped(lounge)])

      // A new password, set here: the other device is shown out of LiveKit, this one stays.
      const changed = await http.call('PATCH', '/api/me', { token: member.session.token, body: { password: 'a new password 123', currentPassword: MEMBER_PASSWORD } })
      expect(changed.status, JSON.stringify(changed.body)).toBe(200)
      expect(await gone).toEqual([DisconnectReason.PARTICIPANT_REMOVED, DisconnectReason.PARTICIPANT_REMOVED])
      expect(mine.isConnected).toBe(true)
      // Its tokens are within their TTL: coming back with them, it is shown out again.
      for (const held of [lobbyToken, loungeToken]) expect(await dropped(await join(held.url, held.token))).toBe(DisconnectReason.PARTICIPANT_REMOVED)

      // A plain sign-out: the tokens that session held let nobody in either.
      const before = (await http.post<LobbyToken>(`/api/workspaces/${owner.workspace.id}/lobby/token`, undefined, member.session.token)).body
      await mine.disconnect()
      expect((await http.call('DELETE', '/api/sessions/current', { token: member.session.token })).status).toBe(204)
      expect(await dropped(await join(before.url, before.token))).toBe(DisconnectReason.PARTICIPANT_REMOVED)
    })

    it('a late webhook of a connection whose session ended shows out that connection only, not the one made since on a new session', async () => {
      const member = seen(await addMember(http, owner))
      const lobbyName = lobbyRoomName(owner.workspace.id)
      const service = new RoomServiceClient(stack.livekit.httpUrl, stack.livekit.apiKey, stack.livekit.apiSecret)
      const lobbyOf = async (who: SignedIn) => {
        const { url, token } = (await http.post<LobbyToken>(`/api/workspaces/${owner.workspace.id}/lobby/token`, undefined, who.session.token)).body
        const room = await connectParticipant(url, token)
        rooms.push(room)
        return room
      }
      // In the lobby, then signed out (the app leaves the lobby as it does), then signed in again and back.
      const before = await lobbyOf(member)
      const old = await service.getParticipant(lobbyName, member.member.id)
      await before.disconnect()
      expect((await http.call('DELETE', '/api/sessions/current', { token: member.session.token })).status).toBe(204)
      const again = seen({ ...member, session: (await http.post<SignedIn>('/api/sessions', signInBody(member, MEMBER_PASSWORD))).body.session })
      const now = await lobbyOf(again)
      const current = await service.getParticipant(lobbyName, member.member.id)
      expect(current.sid).not.toBe(old.sid)

      // LiveKit's join webhook of the first connection, delivered only now (webhooks are retried and queued).
      const body = JSON.stringify({ id: `EV_late_${old.sid}`, event: 'participant_joined', room: { name: lobbyName }, participant: { sid: old.sid, identity: old.identity, attributes: old.attributes }, createdAt: String(Math.floor(Date.now() / 1000)) })
      const signer = new AccessToken(stack.livekit.apiKey, stack.livekit.apiSecret)
      signer.sha256 = createHash('sha256').update(body).digest('base64')
      const res = await fetch(`${stack.server.url}/api/livekit/webhook`, { method: 'POST', headers: { 'content-type': 'application/webhook+json', authorization: await signer.toJwt() }, body })
      expect(res.status).toBe(204)
      // The webhook's answer waits for any removal: the new connection is still the one LiveKit has.
      expect((await service.getParticipant(lobbyName, member.member.id)).sid).toBe(current.sid)
      expect(now.isConnected).toBe(true)
    })

    it('removing a member ends their sessions and drops them from the lobby and every media room at once', async () => {
      const host = seen(await addMember(http, owner, 'host'))
      const leaver = seen(await addMember(http, owner))
      const lobbyToken = await http.post<LobbyToken>(`/api/workspaces/${owner.workspace.id}/lobby/token`, undefined, leaver.session.token)
      const lobby = await connectParticipant(lobbyToken.body.url, lobbyToken.body.token)
      const media = await occupy(http, leaver, 'room_meeting')
      rooms.push(lobby, media)
      const dropped = (room: Room) => new Promise<DisconnectReason>((resolve) => room.once(RoomEvent.Disconnected, resolve))
      const gone = Promise.all([dropped(lobby), dropped(media)])

      expect((await http.call('DELETE', `/api/workspaces/${owner.workspace.id}/members/${leaver.member.id}`, { token: host.session.token })).status).toBe(204)
      // At once: LiveKit no longer lists them when the answer arrives.
      const service = new RoomServiceClient(stack.livekit.httpUrl, stack.livekit.apiKey, stack.livekit.apiSecret)
      for (const name of [lobbyRoomName(owner.workspace.id), mediaRoomName(owner.workspace.id, 'room_meeting')]) {
        expect((await service.listParticipants(name)).map((p) => p.identity)).not.toContain(leaver.member.id)
      }
      expect(await gone).toEqual([DisconnectReason.PARTICIPANT_REMOVED, DisconnectReason.PARTICIPANT_REMOVED])
      expectErrorBody(await http.get('/api/me', leaver.session.token), 401)
      expectErrorBody(await http.post(`/api/workspaces/${owner.workspace.id}/lobby/token`, undefined, leaver.session.token), 401)
      expectErrorBody(await http.post('/api/sessions', { ...signInBody(leaver, MEMBER_PASSWORD), workspaceId: owner.workspace.id }), 401)
      await until(async () => !(await occupantsOf(http, owner, 'room_meeting')).includes(leaver.member.id), 'the room to empty')

      // Their LiveKit tokens are still within their TTL: coming back with them gets them shown out.
      const again = await connectParticipant(lobbyToken.body.url, lobbyToken.body.token)
      rooms.push(again)
      expect(await dropped(again)).toBe(DisconnectReason.PARTICIPANT_REMOVED)
    })
  })

  describe('invites', () => {
    it('works once: a second use, or a code that never existed, gets 410 with one message', async () => {
      const code = await inviteCode(http, owner)
      secrets.add(code)
      seen((await http.post<SignedIn>(`/api/invites/${code}/accept`, newPerson())).body)
      const again = expectErrorBody(await http.post(`/api/invites/${code}/accept`, newPerson()), 410)
      const never = expectErrorBody(await http.post(`/api/invites/${'x'.repeat(43)}/accept`, newPerson()), 410)
      expect(again).toEqual(never)
    })

    it('is for hosts and up; only the owner makes hosts; nobody makes owners', async () => {
      const host = seen(await addMember(http, owner, 'host'))
      const member = seen(await addMember(http, owner))
      const invite = (by: SignedIn, body: Body) => http.post(`/api/workspaces/${owner.workspace.id}/invites`, body, by.session.token)
      expectErrorBody(await invite(member, { role: 'member' }), 403)
      expectErrorBody(await invite(host, { role: 'host' }), 403)
      expectErrorBody(await invite(owner, { role: 'owner' }), 403)
      expect((await invite(host, { role: 'member' })).status).toBe(201)
      expect((await invite(owner, { role: 'host' })).status).toBe(201)
    })

    it('for a guest names existing rooms; one for an email admits only that email', async () => {
      const invite = (body: Body) => http.post<{ code: string }>(`/api/workspaces/${owner.workspace.id}/invites`, body, owner.session.token)
      expectErrorBody(await invite({ role: 'guest' }), 400, 'rooms')
      expectErrorBody(await invite({ role: 'guest', rooms: [] }), 400, 'rooms')
      expectErrorBody(await invite({ role: 'guest', rooms: ['room_nowhere'] }), 400, 'rooms')
      expect((await invite({ role: 'guest', rooms: ['room_meeting'] })).status).toBe(201)

      const person = newPerson()
      const bound = await invite({ role: 'member', email: person.email })
      expectErrorBody(await http.post(`/api/invites/${bound.body.code}/accept`, newPerson()), 400, 'email')
      expect((await http.post(`/api/invites/${bound.body.code}/accept`, person)).status).toBe(201)
    })
  })

  describe('requests', () => {
    it('refuses a body over 1 MiB with 413 and the error shape', async () => {
      const res = await http.post('/api/workspaces', { name: 'Big', owner: { name: 'x'.repeat(1024 * 1024 + 1), email: 'big@example.com', password: OWNER_PASSWORD } })
      expect((expectErrorBody(res, 413)).error).toBe(errorCodes.tooLarge)
    })

    it('answers every kind of failure with { error, message, field? }', async () => {
      const raw = async (path: string, init: RequestInit) => {
        const res = await fetch(stack.server.url + path, init)
        return { status: res.status, body: (await res.json()) as unknown }
      }
      const member = seen(await addMember(http, owner))
      const ws = `/api/workspaces/${owner.workspace.id}`
      expectErrorBody(await http.post('/api/workspaces', { name: 'Bad', owner: { name: 'A', email: 'not-an-email', password: OWNER_PASSWORD } }), 400, 'owner.email')
      expectErrorBody(await http.post('/api/workspaces', { name: 'Bad', owner: { name: 'A', email: 'a@example.com' } }), 400, 'owner.password')
      const { version } = (await http.get<{ version: number }>(`${ws}/floors/floor_main`, owner.session.token)).body
      expectErrorBody(await http.post(`${ws}/floors/floor_main/edits`, { baseVersion: version, ops: [{ op: 'room.nope' }] }, owner.session.token), 400, 'ops[0].op')
      expectErrorBody(await raw('/api/sessions', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"email":' }), 400)
      expectErrorBody(await raw('/api/sessions', { method: 'POST', headers: { 'content-type': 'application/xml' }, body: '<a/>' }), 415)
      expectErrorBody(await http.get('/api/me'), 401)
      expectErrorBody(await http.get('/api/me', 'not-a-session'), 401)
      expectErrorBody(await http.post(`${ws}/floors`, { name: 'No', width: 10, height: 10 }, member.session.token), 403)
      expectErrorBody(await http.get('/api/nothing-here'), 404)
      expectErrorBody(await http.post(`${ws}/rooms/room_nowhere/token`, undefined, member.session.token), 404)
      expectErrorBody(await http.post('/api/workspaces', { name: 'Taken', owner: { name: 'A', email: owner.member.email, password: 'wrong-password' } }), 409)
      const stale = expectErrorBody(await http.post(`${ws}/floors/floor_main/edits`, { baseVersion: 999, ops: [{ op: 'floor.update', changes: { name: 'X' } }] }, owner.session.token), 409)
      expect(stale.currentVersion).toEqual(expect.any(Number))
    })

    it('allows CORS only for the configured client origins', async () => {
      const preflight = (origin: string) =>
        fetch(`${stack.server.url}/api/sessions`, { method: 'OPTIONS', headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type,authorization' } })
      const bundle = await preflight('app://bundle')
      expect(bundle.headers.get('access-control-allow-origin')).toBe('app://bundle')
      expect(bundle.headers.get('access-control-allow-methods')).toContain('POST')
      expect((await preflight('https://evil.example')).headers.get('access-control-allow-origin')).toBeNull()

      const get = (origin: string) => fetch(`${stack.server.url}/api/health`, { headers: { origin } })
      expect((await get('app://bundle')).headers.get('access-control-allow-origin')).toBe('app://bundle')
      expect((await get('https://evil.example')).headers.get('access-control-allow-origin')).toBeNull()
      expect((await get('null')).headers.get('access-control-allow-origin')).toBeNull()
    })
  })

  describe('what the database holds', () => {
    const dbFile = () => join(stack.server.dataDir, 'office.db')

    it('passwords as scrypt with a salt per account: the same password never stores the same hash', async () => {
      const [a, b] = [seen(await addMember(http, owner)), seen(await addMember(http, owner))]
      const db = new Database(dbFile(), { readonly: true, fileMustExist: true })
      try {
        const hashOf = (email: string) => (db.prepare('select password_hash from accounts where email = ?').get(email) as { password_hash: string }).password_hash
        const [ha, hb] = [hashOf(a.member.email!), hashOf(b.member.email!)]
        expect(ha).toMatch(/^scrypt\$\d+\$\d+\$\d+\$[\w-]{22}\$[\w-]{43}$/)
        expect(hb).toMatch(/^scrypt\$/)
        expect(ha).not.toBe(hb)
        expect(ha.split('$')[4]).not.toBe(hb.split('$')[4])
      } finally {
        db.close()
      }
    })

    it('no session token, invite code or password in any table, nor anywhere in the file or its WAL', async () => {
      for (const p of [OWNER_PASSWORD, MEMBER_PASSWORD]) secrets.add(p)
      const db = new Database(dbFile(), { readonly: true, fileMustExist: true })
      const cells: string[] = []
      try {
        const tables = db.prepare("select name from sqlite_master where type = 'table'").all() as { name: string }[]
        for (const { name } of tables) for (const row of db.prepare(`select * from "${name}"`).all() as Body[]) cells.push(...Object.values(row).map(String))
        expect((db.prepare('select count(*) as n from sessions').get() as { n: number }).n).toBeGreaterThan(5)
      } finally {
        db.close()
      }
      expect(secrets.size).toBeGreaterThan(10)
      for (const secret of secrets) expect(cells.filter((c) => c.includes(secret)), secret).toEqual([])
      const bytes = [dbFile(), `${dbFile()}-wal`].filter(existsSync).map((f) => readFileSync(f).toString('latin1')).join('')
      for (const secret of secrets) expect(bytes.includes(secret), secret).toBe(false)
    })
  })
})
