/**
 * `npm run migrate`: an office built through the real server on its SQLite store (members, invites
 * used, revoked and open, edits with their undo, a second floor, a draft, an admission, occupancy,
 * a room ban and a stage speaker, rate-limit counts, a removal done and one stopped halfway) is copied into a real PostgreSQL, and
 * the PostgreSQL store then answers what people notice exactly as the SQLite store does: their
 * sessions, the people list, the floors and their edit log, open invites, who is in which room.
 * The refusals say what is wrong and leave the target without a row.
 */
import Database from 'better-sqlite3'
import { spawn } from 'node:child_process'
import { randomUUID } from 'node:crypto'
import { copyFileSync } from 'node:fs'
import { join } from 'node:path'
import pg from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Invite, SignedIn } from '../../protocol/api.ts'
import { root } from '../../scripts/lib/system.ts'
import { buildApp } from '../../server/app.ts'
import { hashSecret } from '../../server/auth/tokens.ts'
import { copyToPostgres } from '../../server/store/migrate/copy-to-postgres.ts'
import { openPostgresStore } from '../../server/store/postgres/postgres-store.ts'
import { migrate, migrations } from '../../server/store/sqlite/migrations/index.ts'
import { openSqliteStore } from '../../server/store/sqlite/sqlite-store.ts'
import type { Store } from '../../server/store/store.ts'
import { addMember, createWorkspace, editFloor, roomRecord, signIn } from '../support/factories.ts'
import { httpClient, type HttpClient } from '../support/http.ts'
import { startLivekit, type TestLivekit } from '../support/livekit.ts'
import { freeTcpPort } from '../support/ports.ts'
import { startPostgres, type PostgresCluster } from '../support/postgres.ts'
import { TEST_PASSWORD_COST } from '../support/server.ts'
import { tempDir } from '../support/temp.ts'

/** PostgreSQL's first start may install it (apt-get). */
const SETUP_MS = 600_000

interface Office {
  people: Record<'owner' | 'host' | 'member' | 'guest' | 'removed' | 'halfway', SignedIn>
  /** Every session token handed out, the removed people's included. */
  tokens: string[]
  /** The ids of the people in the meeting room, in the order they arrived (same moment). */
  meeting: string[]
}

/** The office, made the way its people make it: through the server, and LiveKit's reports straight into the store. */
async function buildOffice(http: HttpClient, store: Store): Promise<Office> {
  const owner = await createWorkspace(http, 'Acmé 東京 🚀 "quoted"')
  const ws = owner.workspace.id
  const host = await addMember(http, owner, 'host')
  const member = await addMember(http, owner, 'member')
  const guest = await addMember(http, owner, 'guest', ['room_meeting'])
  const removed = await addMember(http, owner)
  const halfway = await addMember(http, owner)
  const again = await signIn(http, member)
  // A wrong password counts against the sign-in limits (rate_limits rows).
  expect((await http.post('/api/sessions', { email: member.member.email, password: 'wrong', workspaceId: ws })).status).toBe(401)

  const invite = async (by: SignedIn, body: Record<string, unknown>) => (await http.post<Invite>(`/api/workspaces/${ws}/invites`, body, by.session.token)).body
  await invite(owner, { role: 'member' })
  await invite(host, { role: 'guest', email: 'gus@example.com', rooms: ['room_lounge'], expiresInHours: 48 })
  const revoked = await invite(owner, { role: 'host' })
  expect((await http.call('DELETE', `/api/workspaces/${ws}/invites/${revoked.id}`, { token: owner.session.token })).status).toBe(204)

  // Edits, one undone the way the editor undoes (its inverse as a new batch), and a second floor put first.
  await editFloor(http, host, [{ op: 'room.add', room: roomRecord('room_focus', { name: 'Focus ✨' }) }])
  await editFloor(http, host, [{ op: 'desk.update', id: 'desk_2', changes: { label: 'Window' } }])
  await editFloor(http, host, [{ op: 'room.update', id: 'room_focus', changes: { capacity: 3 } }])
  await editFloor(http, host, [{ op: 'room.update', id: 'room_focus', changes: { capacity: 8 } }])
  const floors = `/api/workspaces/${ws}/floors`
  const second = await http.post<{ id: string }>(floors, { name: 'Event space', template: 'event-space' }, host.session.token)
  expect(second.status).toBe(201)
  expect((await http.call('PUT', `${floors}/order`, { token: owner.session.token, body: { floorIds: [second.body.id, 'floor_main'] } })).status).toBe(200)
  const main = await http.get<{ version: number }>(`${floors}/floor_main`, host.session.token)
  const draft = await http.call('PUT', `${floors}/floor_main/draft`, { token: host.session.token, body: { baseVersion: main.body.version, ops: [{ op: 'desk.update', id: 'desk_3', changes: { label: 'Draft «3»' } }] } })
  expect(draft.status).toBe(200)

  expect((await http.post(`/api/workspaces/${ws}/rooms/room_meeting/admissions`, { memberId: guest.member.id, minutes: 30 }, host.session.token)).status).toBe(204)
  // Three arrive at the same moment: their order is LiveKit's list, not their ids'.
  const meeting = [member, owner, host].map((p) => p.member.id).sort().reverse()
  await store.setOccupants(ws, 'room_meeting', meeting, Date.now())
  await store.setOccupants(ws, 'room_lounge', [guest.member.id], Date.now())
  // Moderation: someone removed from the lounge for a while, someone brought on stage.
  await store.banFromRoom(ws, 'room_lounge', member.member.id, Date.now() + 300_000, host.member.id)
  await store.setSpeaker(ws, 'room_focus', guest.member.id, true)

  // Chat: a thread in #general with a reaction and a read marker, a DM, and a private channel someone left.
  const chat = `/api/workspaces/${ws}/chat`
  const post = async (by: SignedIn, conversation: string, body: string, threadId?: string) =>
    (await http.post<{ id: string; seq: number }>(`${chat}/conversations/${conversation}/messages`, { clientId: `client-${randomUUID()}`, body, ...(threadId ? { threadId } : {}) }, by.session.token)).body
  const hello = await post(owner, 'ch_general', 'Bienvenue à tous, @here: the **quarterly plan** is up')
  await post(member, 'ch_general', 'Merci! Reading the quarterly plan now', hello.id)
  expect((await http.call('PUT', `${chat}/messages/${hello.id}/reactions/${encodeURIComponent('🎉')}`, { token: member.session.token })).status).toBe(200)
  expect((await http.call('PUT', `${chat}/conversations/ch_general/read`, { token: member.session.token, body: { seq: hello.seq } })).status).toBe(204)
  const dm = await http.post<{ id: string }>(`${chat}/dms`, { members: [member.member.id] }, host.session.token)
  await post(host, dm.body.id, 'Coffee at 3?')
  const secret = await http.post<{ id: string }>(`${chat}/channels`, { name: 'launch', private: true, members: [member.member.id] }, host.session.token)
  await post(member, secret.body.id, 'Launch on Tuesday')
  expect((await http.call('DELETE', `${chat}/conversations/${secret.body.id}/members/${member.member.id}`, { token: member.session.token })).status).toBe(204)

  expect((await http.call('DELETE', `/api/workspaces/${ws}/members/${removed.member.id}`, { token: owner.session.token })).status).toBe(204)
  expect(await store.beginRemoval(ws, halfway.member.id, Date.now())).not.toBeNull()

  const people = { owner, host, member, guest, removed, halfway }
  return { people, tokens: [...Object.values(people).map((p) => p.session.token), again.session.token], meeting }
}

/** Runs `npm run migrate` the way npm does; its exit code and output. */
function runCli(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(root, 'scripts', 'run.mjs'), 'migrate', ...args], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()))
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
    child.once('error', reject)
    child.once('exit', (code) => resolve({ code, stdout, stderr }))
  })
}

describe('npm run migrate: the SQLite store into PostgreSQL', () => {
  let livekit: TestLivekit
  let cluster: PostgresCluster
  let office: Office
  const dir = tempDir('migrate-')
  const file = join(dir.path, 'office.db')
  const closing: (() => Promise<unknown> | unknown)[] = []

  beforeAll(async () => {
    ;[livekit, cluster] = await Promise.all([startLivekit(), startPostgres()])
    const store = openSqliteStore(file)
    const app = await buildApp({ store, livekit, passwordCost: TEST_PASSWORD_COST })
    try {
      office = await buildOffice(httpClient(await app.listen({ port: 0, host: '127.0.0.1' })), store)
    } finally {
      await app.close()
    }
  }, SETUP_MS)
  afterAll(async () => {
    for (const close of closing.reverse()) await close()
    await livekit?.stop()
    await cluster?.stop()
    dir.remove()
  })

  const query = async <T extends pg.QueryResultRow>(url: string, text: string): Promise<T[]> => {
    const client = new pg.Client({ connectionString: url })
    await client.connect()
    try {
      return (await client.query<T>(text)).rows
    } finally {
      await client.end()
    }
  }
  const rowsIn = async (url: string, table: string) => Number((await query<{ n: string }>(url, `select count(*) as n from ${table}`))[0]!.n)

  it('copies every table, and PostgreSQL then answers what people notice as SQLite does', async () => {
    const url = await cluster.createDatabase()
    const lines: string[] = []
    const report = await copyToPostgres({ from: file, to: url, log: (line) => lines.push(line) })
    expect(report.upgradedFrom).toBeNull()
    expect(lines.join('\n')).not.toMatch(/up to date/)

    const raw = new Database(file, { readonly: true })
    closing.push(() => raw.close())
    // Ordinary tables: the full-text index (a virtual table and its shadows) is rebuilt, not copied.
    const tables = raw.prepare(`select name from pragma_table_list where schema = 'main' and type = 'table' and name not like 'sqlite%'`).pluck().all() as string[]
    expect(report.tables.map((t) => t.name).sort()).toEqual([...tables].sort())
    for (const t of report.tables) {
      expect(t.rows, t.name).toBe(raw.prepare(`select count(*) from "${t.name}"`).pluck().get())
      expect(await rowsIn(url, t.name), t.name).toBe(t.rows)
    }
    for (const table of [
      'rate_limits', 'floor_ops', 'floor_drafts', 'admissions', 'room_occupants', 'member_removals', 'invites', 'room_bans', 'stage_speakers',
      'conversations', 'conversation_members', 'conversation_departures', 'messages', 'message_reactions', 'read_markers', 'chat_seqs',
    ]) {
      expect(report.tables.find((t) => t.name === table)?.rows, table).toBeGreaterThan(0)
    }

    const sqlite = openSqliteStore(file)
    const postgres = await openPostgresStore(url)
    closing.push(() => sqlite.close(), () => postgres.close())
    const both = async <T>(read: (s: Store) => Promise<T>): Promise<T> => {
      const [ours, theirs] = await Promise.all([read(sqlite), read(postgres)])
      expect(theirs).toEqual(ours)
      return theirs
    }
    const { owner, member, removed, halfway } = office.people
    const ws = owner.workspace.id
    const sessions = await Promise.all(office.tokens.map((token) => both((s) => s.getSession(hashSecret(token)))))
    expect(sessions.filter(Boolean)).toHaveLength(office.tokens.length - 2)
    expect(await both((s) => s.getSession(hashSecret(removed.session.token)))).toBeNull()
    expect(await both((s) => s.getSession(hashSecret(halfway.session.token)))).toBeNull()
    expect(await both((s) => s.getWorkspace(ws))).toMatchObject({ name: owner.workspace.name })
    expect((await both((s) => s.listMembers(ws))).map((m) => m.id)).toContain(halfway.member.id)
    expect(await both((s) => s.pendingRemoval(ws, halfway.member.id))).not.toBeNull()
    expect(await both((s) => s.findAccountByEmail(member.member.email!.toUpperCase()))).not.toBeNull()
    const floors = await both((s) => s.listFloors(ws))
    expect(floors.map((f) => f.id).at(-1)).toBe('floor_main')
    for (const floor of floors) {
      for (let since = 0; since <= floor.version; since++) await both((s) => s.opsSince(ws, floor.id, since))
    }
    const main = floors.find((f) => f.id === 'floor_main')!
    expect(main.version).toBeGreaterThanOrEqual(4)
    expect(await both((s) => s.opsSince(ws, 'floor_main', 0))).toMatchObject({ version: main.version, batches: { length: main.version } })
    expect(await both((s) => s.getDraft(ws, 'floor_main', office.people.host.member.id))).toMatchObject({ ops: [{ op: 'desk.update', id: 'desk_3' }] })
    expect(await both((s) => s.listOpenInvites(ws, Date.now()))).toHaveLength(2)
    expect(await both((s) => s.isAdmitted(ws, 'room_meeting', office.people.guest.member.id, Date.now()))).toBe(true)
    expect((await both((s) => s.occupancy(ws))).room_meeting).toEqual(office.meeting)
    expect(await both((s) => s.roomBan(ws, 'room_lounge', member.member.id, Date.now()))).toMatchObject({ by: office.people.host.member.id })
    expect(await both((s) => s.isSpeaker(ws, 'room_focus', office.people.guest.member.id, Date.now()))).toBe(true)
    // Chat reads the same: the conversations, every change in order, and search over the copied messages.
    expect((await both((s) => s.listConversations(ws, member.member.id))).map((c) => c.id)).toContain('ch_general')
    const changes = await both((s) => s.messagesSince(ws, 0, 100))
    expect(changes.messages.map((m) => m.body)).toEqual(expect.arrayContaining(['Coffee at 3?', 'Launch on Tuesday']))
    const general = changes.messages.filter((m) => m.conversationId === 'ch_general').map((m) => m.id)
    expect((await both((s) => s.searchMessages(ws, 'quarterly plan', ['ch_general'], 10))).map((m) => m.id).sort()).toEqual([...general].sort())

    // Through a server on the copy: the same sessions still sign people in, passwords still work.
    const app = await buildApp({ store: await openPostgresStore(url), livekit, passwordCost: TEST_PASSWORD_COST })
    closing.push(() => app.close())
    const http = httpClient(await app.listen({ port: 0, host: '127.0.0.1' }))
    expect((await http.get<{ member: { id: string } }>('/api/me', member.session.token)).body.member.id).toBe(member.member.id)
    expect((await http.get('/api/me', removed.session.token)).status).toBe(401)
    expect((await signIn(http, owner)).member.id).toBe(owner.member.id)
  })

  it('runs as `npm run migrate`, printing what it copied and "verified"; a second run into the same database is refused', async () => {
    const url = await cluster.createDatabase()
    const done = await runCli(['--from', file, '--to', url])
    expect(done.stderr).toBe('')
    expect(done.code).toBe(0)
    expect(done.stdout).toMatch(/^\s+members\s+\d+ rows$/m)
    expect(done.stdout).toMatch(/^\s+floor_ops\s+[1-9]\d* rows$/m)
    expect(done.stdout).toMatch(/verified/)

    const again = await runCli(['--from', file, '--to', url])
    expect(again.code).not.toBe(0)
    expect(again.stderr).toMatch(/is not empty: its table \w+ has rows .* never merges into nor overwrites/)
  })

  it('refuses a bad --to, a missing --to and a missing source file, each saying so', async () => {
    const url = await cluster.createDatabase()
    const bad = await runCli(['--from', file, '--to', 'mysql://root@127.0.0.1/office'])
    expect(bad.code).not.toBe(0)
    expect(bad.stderr).toMatch(/--to must be a postgres:\/\/ or postgresql:\/\/ URL \(it is a mysql: URL\)/)
    const none = await runCli(['--from', file])
    expect(none.code).not.toBe(0)
    expect(none.stderr).toMatch(/--to is required/)
    const missing = await runCli(['--from', join(dir.path, 'nothing.db'), '--to', url])
    expect(missing.code).not.toBe(0)
    expect(missing.stderr).toContain(`no SQLite store at ${join(dir.path, 'nothing.db')}`)
    expect(await query(url, `select table_name from information_schema.tables where table_schema = 'public'`)).toEqual([])
  })

  it('refuses an unreachable server, a missing database and a database holding other tables', async () => {
    const port = await freeTcpPort()
    await expect(copyToPostgres({ from: file, to: `postgres://postgres@127.0.0.1:${port}/office` })).rejects.toThrow(`cannot reach PostgreSQL at 127.0.0.1:${port}/office`)
    await expect(copyToPostgres({ from: file, to: `postgres://postgres@127.0.0.1:${cluster.port}/nowhere` })).rejects.toThrow(/database "nowhere" does not exist; create it first/)
    const url = await cluster.createDatabase()
    await query(url, 'create table notes (id integer)')
    await expect(copyToPostgres({ from: file, to: url })).rejects.toThrow(/is not empty: it holds tables that are not an office store \(notes\)/)
  })

  it('refuses a source that is no store, is from a newer server or has dangling references, leaving it and the target untouched', async () => {
    const url = await cluster.createDatabase()
    const junk = join(dir.path, 'junk.db')
    copyFileSync(join(root, 'package.json'), junk)
    await expect(copyToPostgres({ from: junk, to: url })).rejects.toThrow(`${junk} is not an office store`)
    const newer = join(dir.path, 'newer.db')
    const db = new Database(newer)
    db.pragma(`user_version = ${migrations.at(-1)!.version + 10}`)
    db.close()
    await expect(copyToPostgres({ from: newer, to: url })).rejects.toThrow(/newer than this server \(\d+\); upgrade the server/)
    const untouched = new Database(newer, { readonly: true })
    expect(untouched.pragma('journal_mode', { simple: true })).toBe('delete')
    untouched.close()
    const dangling = join(dir.path, 'dangling.db')
    copyFileSync(file, dangling)
    const broken = new Database(dangling)
    broken.pragma('foreign_keys = OFF')
    broken.prepare('insert into sessions (token_hash, member_id, created_at, expires_at) values (?, ?, ?, ?)').run('tok', 'mem_gone', 1, 2)
    broken.close()
    await expect(copyToPostgres({ from: dangling, to: url })).rejects.toThrow(/foreign keys point at nothing \(first: sessions rowid \d+ → members\)/)
    expect(await query(url, `select table_name from information_schema.tables where table_schema = 'public'`)).toEqual([])
  })

  it('brings a store from an older server up to date first, with the SQLite store\'s own migrations, and says so', async () => {
    const older = join(dir.path, 'older.db')
    const db = new Database(older)
    migrate(db, migrations.slice(0, 3))
    db.prepare('insert into workspaces (id, name, created_at) values (?, ?, ?)').run('ws_old', 'Old', 1)
    db.close()
    const lines: string[] = []
    const url = await cluster.createDatabase()
    const report = await copyToPostgres({ from: older, to: url, log: (line) => lines.push(line) })
    expect(report.upgradedFrom).toBe(30)
    expect(lines.join('\n')).toContain(`brought the SQLite store up to date first, with its own migrations (schema 30 → ${migrations.at(-1)!.version})`)
    expect(await query(url, 'select id, name from workspaces')).toEqual([{ id: 'ws_old', name: 'Old' }])
  })

  it('refuses a SQLite table PostgreSQL has no counterpart of, and a copy that does not compare equal, keeping no row', async () => {
    const extended = join(dir.path, 'extended.db')
    copyFileSync(file, extended)
    const db = new Database(extended)
    db.exec(`create table chat_messages (id text primary key, body text not null); insert into chat_messages values ('msg_1', 'hello')`)
    db.close()
    const url = await cluster.createDatabase()
    await expect(copyToPostgres({ from: extended, to: url })).rejects.toThrow(/table chat_messages has no counterpart in this server's PostgreSQL store/)
    expect(await rowsIn(url, 'members')).toBe(0)

    // Something in PostgreSQL changes a floor's JSON as it is written: the comparison catches it.
    await query(url, `create function touch_doc() returns trigger language plpgsql as $$ begin new.doc := new.doc || ' '; return new; end $$;
      create trigger touch_doc before insert on floors for each row execute function touch_doc()`)
    await expect(copyToPostgres({ from: file, to: url })).rejects.toThrow(/verification failed: floors, row workspace_id=\S+, id=\S+: doc is .* in SQLite but .* in PostgreSQL/)
    expect(await rowsIn(url, 'floors')).toBe(0)
    expect(await rowsIn(url, 'workspaces')).toBe(0)
    await query(url, 'drop trigger touch_doc on floors')
    expect((await copyToPostgres({ from: file, to: url })).tables.length).toBeGreaterThan(10)
  })

  it('refuses a copy during which the SQLite store changed (a server still running), keeping no row', async () => {
    const url = await cluster.createDatabase()
    await openPostgresStore(url).then((s) => s.close())
    // The copy is held at its first row, on a lock the test holds, while a server writes to the file.
    const gate = new pg.Client({ connectionString: url })
    await gate.connect()
    closing.push(() => gate.end())
    await gate.query('select pg_advisory_lock(4242)')
    await query(url, `create function hold() returns trigger language plpgsql as $$ begin perform pg_advisory_xact_lock_shared(4242); return new; end $$;
      create trigger hold before insert on workspaces for each row execute function hold()`)
    const copying = copyToPostgres({ from: file, to: url })
    copying.catch(() => {})
    const waiting = async () => (await gate.query(`select 1 from pg_locks where locktype = 'advisory' and not granted`)).rowCount! > 0
    const deadline = Date.now() + 15_000
    while (!(await waiting())) {
      if (Date.now() > deadline) throw new Error('the copy never reached its first row')
      await new Promise((resolve) => setTimeout(resolve, 20))
    }
    const running = openSqliteStore(file)
    await running.touchMember(office.people.member.member.id, Date.now())
    running.close()
    await gate.query('select pg_advisory_unlock(4242)')
    await expect(copying).rejects.toThrow(`${file} changed while it was being copied: stop the server`)
    expect(await rowsIn(url, 'workspaces')).toBe(0)
  })
})
