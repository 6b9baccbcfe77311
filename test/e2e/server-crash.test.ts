/**
 * Drill: kill -9 the server while writers stream floor edits at it and two members watch the floor
 * in Chromium. The supervisor `npm start` uses starts it again on the same port and data. Every
 * acknowledged edit is there afterwards and none is half-applied (test/support/edit-stream.ts, as
 * in the durability test), and both clients show exactly the server's floor, without a reload.
 */
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { supervise, type Supervisor } from '../../scripts/lib/supervise.ts'
import { launchBrowser, openUser, type User } from '../support/browser.ts'
import { verifyAcknowledged, writeUntilGone } from '../support/edit-stream.ts'
import { addMember, createWorkspace, MEMBER_PASSWORD, OWNER_PASSWORD } from '../support/factories.ts'
import { httpClient } from '../support/http.ts'
import { startLivekit, type TestLivekit } from '../support/livekit.ts'
import { freeTcpPort } from '../support/ports.ts'
import { startServerProcess, type ServerProcess } from '../support/server-process.ts'
import { tempDir } from '../support/temp.ts'
import { OfficePage } from './pages/office-page.ts'

const WRITERS = 3
const RESYNC_MS = 15_000

describe('drill: the server killed during a stream of edits', () => {
  const dir = tempDir('server-crash-')
  const users: User[] = []
  const log: string[] = []
  let livekit: TestLivekit
  let browser: Browser
  let server: Supervisor<ServerProcess>
  let port = 0

  beforeAll(async () => {
    port = await freeTcpPort()
    livekit = await startLivekit({ webhookUrls: [`http://127.0.0.1:${port}/api/livekit/webhook`] })
    browser = await launchBrowser()
  })
  afterAll(async () => {
    await Promise.all(users.map((u) => u.context.close()))
    await browser?.close()
    await server?.stop()
    await livekit?.stop()
    dir.remove()
  })

  it('keeps every acknowledged edit whole, and both clients resync by themselves', async () => {
    let started: () => void = () => {}
    server = await supervise({
      name: 'server',
      start: () => startServerProcess({ dataDir: dir.path, livekit, port, serveClient: true }),
      log: (line) => log.push(line),
      onStart: () => started(),
    })
    const http = httpClient(server.current.url)
    const owner = await createWorkspace(http)
    const member = await addMember(http, owner)
    const offices = await Promise.all(
      [{ email: owner.member.email!, password: OWNER_PASSWORD }, { email: member.member.email!, password: MEMBER_PASSWORD }].map(async (account) => {
        const user = await openUser(browser, server.current.url)
        users.push(user)
        const office = new OfficePage(user.page)
        await office.signIn(account)
        return office
      }),
    )

    // Writers stream batches; the server is killed a moment after a random request went out.
    const acked = new Set<string>()
    const killAfter = 20 + Math.floor(Math.random() * 60)
    let sent = 0
    let killedAt = 0
    let killed: Promise<void> | undefined
    const back = new Promise<void>((resolve) => (started = resolve))
    const onSend = () => {
      if (++sent !== killAfter) return
      killed = new Promise((r) => setTimeout(r, Math.random() * 4)).then(() => {
        killedAt = Date.now()
        return server.current.kill9()
      })
    }
    await Promise.all(Array.from({ length: WRITERS }, (_, w) => writeUntilGone(http, owner, `w${w}`, acked, onSend)))
    await killed
    await back
    const restartMs = Date.now() - killedAt
    expect(acked.size).toBeGreaterThan(0)

    // The server's floor: every acknowledged batch, whole, and exactly its log replayed.
    const floor = await verifyAcknowledged(httpClient(server.current.url), owner, acked)

    // Both clients show that floor: every desk, the last acknowledged ones included.
    const desks = (office: OfficePage) => office.page.getByRole('button', { name: /^Desk / })
    await Promise.all(offices.map((office) => expect.poll(() => desks(office).count(), { timeout: RESYNC_MS }).toBe(floor.desks.length)))
    const resyncMs = Date.now() - killedAt
    for (const office of offices) {
      for (const desk of floor.desks.slice(-3)) await office.desk(desk.label).waitFor({ timeout: 1_000 })
      await office.offlineBar().waitFor({ state: 'detached', timeout: 1_000 })
    }
    console.log(log.join('\n'))
    console.log(
      `drill server kill -9: ${acked.size} acknowledged batches of ${sent} sent, all present (floor version ${floor.version}, ${floor.desks.length} desks); ` +
        `server back after ${restartMs} ms; both clients in step after ${resyncMs} ms`,
    )
    expect(log.filter((l) => / killed by SIGKILL /.test(l))).toHaveLength(1)
  })
})
