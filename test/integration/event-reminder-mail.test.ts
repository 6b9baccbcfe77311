/**
 * Open events' reminder emails (issue 13), against the real server (SQLite file, livekit-server)
 * and a real SMTP server in this process, with the server's clock moved by the test: an outside
 * guest who joined with an email gets exactly one plain-text email 5 minutes before the start,
 * whatever checks or restarts follow; one who joins within those 5 minutes gets theirs at once;
 * a refused send is retried; with no mail server configured nothing is attempted.
 */
import { join } from 'node:path'
import type { FastifyInstance } from 'fastify'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { SignedIn } from '../../protocol/api.ts'
import { REMINDER_LEAD_MS } from '../../protocol/community.ts'
import { startServerProcess } from '../../scripts/lib/server-process.ts'
import { buildApp } from '../../server/app.ts'
import { remindersOf } from '../../server/community/mail-reminders.ts'
import { smtpMailer } from '../../server/community/mailer.ts'
import { openSqliteStore } from '../../server/store/sqlite/sqlite-store.ts'
import { createWorkspace, until } from '../support/factories.ts'
import { httpClient, type HttpClient } from '../support/http.ts'
import { startLivekit, type TestLivekit } from '../support/livekit.ts'
import { TEST_PASSWORD_COST } from '../support/server.ts'
import { startSmtp, type TestSmtp } from '../support/smtp.ts'
import { tempDir } from '../support/temp.ts'

const MIN = 60_000
const PUBLIC_URL = 'https://office.example.com'
const FROM = 'Office <office@example.com>'
let livekit: TestLivekit
let smtp: TestSmtp
beforeAll(async () => {
  ;[livekit, smtp] = await Promise.all([startLivekit(), startSmtp()])
})
afterAll(async () => {
  await Promise.all([livekit?.stop(), smtp?.stop()])
})

interface Running { app: FastifyInstance; http: HttpClient }
const running: Running[] = []
afterAll(async () => {
  await Promise.all(running.map((r) => r.app.close()))
})

/** The server on `file`, sending through the test SMTP server unless `mail` is false. */
async function start(file: string, clock: { now: number }, mail = true): Promise<Running> {
  const app = await buildApp({
    store: openSqliteStore(file), livekit, now: () => clock.now, passwordCost: TEST_PASSWORD_COST, publicUrl: PUBLIC_URL,
    mail: mail ? { mailer: smtpMailer({ url: smtp.url, from: FROM }), retryDelaysMs: [20, 40] } : null,
  })
  const url = await app.listen({ port: 0, host: '127.0.0.1' })
  const r = { app, http: httpClient(url) }
  running.push(r)
  return r
}
const stop = async (r: Running) => {
  running.splice(running.indexOf(r), 1)
  await r.app.close()
}

/** An open event in the lounge, starting at `startsAt`; its public code. */
async function openEvent(http: HttpClient, owner: SignedIn, title: string, startsAt: number): Promise<string> {
  const made = await http.post<{ id: string }>(`/api/workspaces/${owner.workspace.id}/events`, { title, roomId: 'room_lounge', startsAt, endsAt: startsAt + 60 * MIN, capacity: 20 }, owner.session.token)
  expect(made.status).toBe(201)
  const published = await http.post<{ publicUrl: string }>(`/api/workspaces/${owner.workspace.id}/events/${made.body.id}/publish`, undefined, owner.session.token)
  return /#\/event\/([A-Za-z0-9_-]+)$/.exec(published.body.publicUrl)![1]!
}
const joinEvent = (http: HttpClient, code: string, name: string, email: string) => http.post<SignedIn>(`/api/public/events/${code}/join`, { name, email })
const to = (address: string) => smtp.received.filter((m) => m.rcptTo.includes(address))

describe('an open event’s reminder email', () => {
  it('reaches each outside guest once, 5 minutes before the start, with the title, time, room and link; never again after more checks or a restart', async () => {
    const dir = tempDir('reminder-mail-')
    const file = join(dir.path, 'office.db')
    const clock = { now: Date.UTC(2031, 2, 14, 9, 0) }
    let server = await start(file, clock)
    const owner = await createWorkspace(server.http)
    const startsAt = Date.UTC(2031, 2, 14, 10, 30)
    const code = await openEvent(server.http, owner, 'Open house', startsAt)
    expect((await joinEvent(server.http, code, 'Olga Outside', 'olga@outside.example')).status).toBe(201)

    // Not early: a second before the reminder time, nothing.
    clock.now = startsAt - REMINDER_LEAD_MS - 1_000
    await remindersOf(server.app)!.settle()
    expect(to('olga@outside.example')).toEqual([])

    // At the reminder time the server sends it by itself (its periodic check notices the clock).
    clock.now = startsAt - REMINDER_LEAD_MS
    await until(async () => to('olga@outside.example').length > 0, 'the reminder email')
    const [mail] = to('olga@outside.example')
    expect(mail!.rcptTo).toEqual(['olga@outside.example'])
    expect(mail!.headers.get('from')).toBe(FROM)
    expect(mail!.subject).toBe('Reminder: Open house starts at 10:30 UTC')
    expect(mail!.headers.get('content-type')).toMatch(/^text\/plain/)
    expect(mail!.text).toContain('Hello Olga Outside,')
    expect(mail!.text).toContain('"Open house" starts in 5 minutes.')
    expect(mail!.text).toContain('When: Friday, 14 March 2031, 10:30 UTC (UTC+00:00)')
    expect(mail!.text).toContain('Room: Lounge')
    expect(mail!.text).toContain(`Event page: ${PUBLIC_URL}/#/event/${code}`)

    // More checks, later: nothing more.
    clock.now = startsAt - MIN
    await remindersOf(server.app)!.settle()
    await remindersOf(server.app)!.settle()
    expect(to('olga@outside.example')).toHaveLength(1)

    // A restart on the same file: nothing more either.
    await stop(server)
    server = await start(file, clock)
    await remindersOf(server.app)!.settle()
    expect(to('olga@outside.example')).toHaveLength(1)

    // Someone joining within the 5 minutes gets theirs at once, with no clock move or check.
    expect((await joinEvent(server.http, code, 'Lena Late', 'lena@outside.example')).status).toBe(201)
    // Well within the periodic check's 5 s: the join itself sets it off.
    await until(async () => to('lena@outside.example').length === 1, 'the late joiner’s reminder', 2_500)
    expect(to('lena@outside.example')[0]!.text).toContain('Hello Lena Late,')
    await remindersOf(server.app)!.settle()
    expect([to('olga@outside.example').length, to('lena@outside.example').length]).toEqual([1, 1])
    await stop(server)
    dir.remove()
  })

  it('keeps a title’s line breaks out of the headers, and retries a send the mail server refused', async () => {
    const dir = tempDir('reminder-mail-')
    const clock = { now: Date.UTC(2031, 5, 1, 12, 0) }
    const server = await start(join(dir.path, 'office.db'), clock)
    const owner = await createWorkspace(server.http)
    const startsAt = clock.now + 3 * MIN
    const code = await openEvent(server.http, owner, 'Launch\r\nBcc: victim@elsewhere.example\r\n\r\nfree prizes', startsAt)
    smtp.refuseNext(1)
    const before = smtp.received.length
    expect((await joinEvent(server.http, code, 'Ivan Inside', 'ivan@outside.example')).status).toBe(201)
    await until(async () => to('ivan@outside.example').length === 1, 'the reminder, after one refusal')
    await remindersOf(server.app)!.settle()
    const [mail] = to('ivan@outside.example')
    expect(mail!.subject).toBe('Reminder: Launch Bcc: victim@elsewhere.example free prizes starts at 12:03 UTC')
    expect(mail!.headers.has('bcc')).toBe(false)
    expect(smtp.received.length - before).toBe(1)
    expect(smtp.received.some((m) => m.rcptTo.includes('victim@elsewhere.example'))).toBe(false)
    await stop(server)
    dir.remove()
  })

  it('gives up after its retries when the mail server keeps refusing, and the server carries on', async () => {
    const dir = tempDir('reminder-mail-')
    const clock = { now: Date.UTC(2031, 7, 1, 12, 0) }
    const server = await start(join(dir.path, 'office.db'), clock)
    const owner = await createWorkspace(server.http)
    const code = await openEvent(server.http, owner, 'Refused talk', clock.now + 3 * MIN)
    smtp.refuseNext(3)
    const connections = smtp.connections
    expect((await joinEvent(server.http, code, 'Rita Refused', 'rita@outside.example')).status).toBe(201)
    await remindersOf(server.app)!.settle()
    // One attempt and the two retries, each refused; then no more, even on later checks.
    expect(smtp.connections - connections).toBe(3)
    await remindersOf(server.app)!.settle()
    expect([smtp.connections - connections, to('rita@outside.example').length]).toEqual([3, 0])
    expect((await server.http.get('/api/health')).status).toBe(200)
    await stop(server)
    dir.remove()
  })

  it('is not attempted with no mail server set; a server started later with one sends it then', async () => {
    const dir = tempDir('reminder-mail-')
    const file = join(dir.path, 'office.db')
    const clock = { now: Date.UTC(2031, 8, 1, 8, 0) }
    const quiet = await start(file, clock, false)
    expect(remindersOf(quiet.app)).toBeNull()
    const owner = await createWorkspace(quiet.http)
    const startsAt = clock.now + 2 * MIN
    const code = await openEvent(quiet.http, owner, 'Quiet talk', startsAt)
    const connections = smtp.connections
    expect((await joinEvent(quiet.http, code, 'Nora None', 'nora@outside.example')).status).toBe(201)
    // The reminder is due, and nobody claimed it: no connection to any mail server was opened.
    expect(await quiet.app.store.nextGuestReminder(clock.now, REMINDER_LEAD_MS)).toBe(startsAt - REMINDER_LEAD_MS)
    expect(smtp.connections).toBe(connections)
    await stop(quiet)

    const mailing = await start(file, clock)
    await until(async () => to('nora@outside.example').length === 1, 'the reminder once a mail server is set')
    await stop(mailing)
    dir.remove()
  })

  it('refuses to start with a mail server but no public address for the link', async () => {
    const dir = tempDir('reminder-mail-')
    const store = openSqliteStore(join(dir.path, 'office.db'))
    await expect(buildApp({ store, livekit, mail: { mailer: smtpMailer({ url: smtp.url, from: FROM }) } })).rejects.toThrow(/public address/)
    await store.close()
    dir.remove()
  })
})

describe('the server process’s mail settings', () => {
  const env = (extra: Record<string, string>) => {
    const dir = tempDir('reminder-mail-process-')
    dirs.push(dir)
    return {
      OFFICE_DATA_DIR: dir.path, OFFICE_PORT: '0', OFFICE_HOST: '127.0.0.1', OFFICE_LOG: 'info', OFFICE_TEST_PASSWORD_COST: String(TEST_PASSWORD_COST),
      LIVEKIT_URL: livekit.url, LIVEKIT_API_KEY: livekit.apiKey, LIVEKIT_API_SECRET: livekit.apiSecret, OFFICE_SMTP_URL: '', OFFICE_MAIL_FROM: '', ...extra,
    }
  }
  const dirs: { remove(): void }[] = []
  afterAll(() => dirs.forEach((d) => d.remove()))

  it('says once at start whether reminder emails are sent, and through which server (without its password)', async () => {
    const off = await startServerProcess({ env: env({}) })
    await off.stop()
    expect(off.output()).toContain('OFFICE_SMTP_URL is not set: no reminder emails are sent')
    const on = await startServerProcess({ env: env({ OFFICE_SMTP_URL: smtp.url, OFFICE_MAIL_FROM: FROM, OFFICE_PUBLIC_URL: PUBLIC_URL }) })
    await on.stop()
    expect(on.output()).toContain(`reminder emails to open events' guests go through smtp://127.0.0.1:${new URL(smtp.url).port}`)
    expect(on.output()).not.toContain(new URL(smtp.url).password)
  })

  it.each([
    [{ OFFICE_SMTP_URL: 'http://mail.example.com', OFFICE_MAIL_FROM: FROM, OFFICE_PUBLIC_URL: PUBLIC_URL }, /OFFICE_SMTP_URL must start with smtp:\/\/ or smtps:\/\//],
    [{ OFFICE_SMTP_URL: 'smtp://mail.example.com' }, /OFFICE_MAIL_FROM must be set/],
    [{ OFFICE_SMTP_URL: 'smtp://mail.example.com', OFFICE_MAIL_FROM: FROM }, /OFFICE_PUBLIC_URL must be set/],
  ])('refuses to start on %o, naming the variable', async (extra, message) => {
    await expect(startServerProcess({ env: env(extra) })).rejects.toThrow(message)
  })
})
