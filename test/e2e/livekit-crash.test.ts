/**
 * Drill: kill -9 livekit-server in the middle of a meeting, five times in a row. The supervisor
 * `npm start` uses starts it again on the same ports; both Chromium clients are back in the call
 * (decoding each other's video again) and in the lobby (each sees the other in the room) within
 * 10 s, without a reload. Prints the measured recovery times.
 */
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { SignedIn } from '../../protocol/api.ts'
import { launchBrowser, openUser, type User } from '../support/browser.ts'
import { httpClient } from '../support/http.ts'
import { startStack, type Stack } from '../support/stack.ts'
import { videoFlowing } from '../support/video-flowing.ts'
import { OfficePage, type Account } from './pages/office-page.ts'

const ana: Account = { name: 'Ana Silva', email: 'ana@example.com', password: 'correct horse 1' }
const bo: Account = { name: 'Bo Lee', email: 'bo@example.com', password: 'battery staple 2' }
const KILLS = 5
/**
 * The goal, which the test holds every round to. Calls are back in 1-3 s. The lobby is
 * livekit-client's own reconnect, every half second (renderer/services/lobby.ts): on its default
 * schedule, whose gaps grow to 7 s, a round could miss an attempt and take 9-12 s.
 */
const GOAL_MS = 10_000
const BOUND_MS = GOAL_MS

describe('drill: livekit-server killed during a meeting', () => {
  let stack: Stack
  let browser: Browser
  const users: User[] = []
  const supervisorLog: string[] = []

  beforeAll(async () => {
    stack = await startStack({ serveClient: true, supervisedLivekit: true, livekitLog: (line) => supervisorLog.push(line) })
    browser = await launchBrowser()
  })
  afterAll(async () => {
    await Promise.all(users.map((u) => u.context.close()))
    await browser?.close()
    await stack?.stop()
  })

  it(`both clients are back in the call and the lobby by themselves within ${GOAL_MS / 1000} s, ${KILLS} times in a row`, async () => {
    const http = httpClient(stack.server.url)
    const owner = (await http.post<SignedIn>('/api/workspaces', { name: 'Acme', owner: ana })).body
    const invite = await http.post<{ code: string }>(`/api/workspaces/${owner.workspace.id}/invites`, { role: 'member' }, owner.session.token)
    await http.post(`/api/invites/${invite.body.code}/accept`, bo)

    const open = async (account: Account) => {
      const user = await openUser(browser, stack.server.url)
      users.push(user)
      const office = new OfficePage(user.page)
      await office.signIn(account)
      return office
    }
    const a = await open(ana)
    const b = await open(bo)
    await a.walkInto('Meeting room')
    await a.stage('Meeting room').getByText('Connected').waitFor()
    await b.walkInto('Meeting room')
    await b.stage('Meeting room').getByText('Connected').waitFor()
    await Promise.all([videoFlowing(a.page, bo.name, 15_000), videoFlowing(b.page, ana.name, 15_000)])
    // Ana's status changes after her lobby token was issued: a rejoin must not bring back the old one.
    await a.setStatus('busy', 'Quarterly plan')
    const seen = {
      byAna: a.page.getByRole('listitem', { name: `${bo.name}, in a meeting, in Meeting room` }),
      byBo: b.page.getByRole('listitem', { name: `${ana.name}, busy, Quarterly plan, in Meeting room` }),
    }
    await seen.byBo.waitFor()
    const times: { restart: number; call: number; lobby: number }[] = []
    for (let round = 1; round <= KILLS; round++) {
      const back = stack.livekit.nextStart()
      const killedAt = Date.now()
      await stack.livekit.kill()
      await back
      const restart = Date.now() - killedAt
      const left = () => Math.max(1, killedAt + BOUND_MS - Date.now())
      // The call: each decodes the other's camera again.
      await Promise.all([videoFlowing(a.page, bo.name, left()), videoFlowing(b.page, ana.name, left())])
      const call = Date.now() - killedAt
      // The lobby: each sees the other, live, in the meeting room; the server's occupancy counts both.
      // A change made now reaches the other side only through the lobby as it is after the restart
      // (the picture from before the kill may still be on screen while the lobby is away).
      const text = `Round ${round}`
      await a.setStatus('busy', text)
      const liveByBo = b.page.getByRole('listitem', { name: `${ana.name}, busy, ${text}, in Meeting room` })
      const since = (done: Promise<unknown>) => done.then(() => Date.now() - killedAt)
      const [peers, occupancy, online] = await Promise.all([
        since(Promise.all([seen.byAna.waitFor({ timeout: left() }), liveByBo.waitFor({ timeout: left() })])),
        since(Promise.all([a.room('Meeting room', 2).waitFor({ timeout: left() }), b.room('Meeting room', 2).waitFor({ timeout: left() })])),
        since(Promise.all([a.offlineBar().waitFor({ state: 'detached', timeout: left() }), b.offlineBar().waitFor({ state: 'detached', timeout: left() })])),
      ])
      const lobby = Date.now() - killedAt
      times.push({ restart, call, lobby })
      console.log(
        `drill livekit kill -9 #${round}: livekit-server back after ${restart} ms; call back after ${call} ms; lobby and occupancy back after ${lobby} ms (peers ${peers}, occupancy ${occupancy}, online ${online})`,
      )
    }
    console.log(supervisorLog.join('\n'))
    const inGoal = times.filter((t) => t.call <= GOAL_MS && t.lobby <= GOAL_MS).length
    console.log(`drill livekit kill -9: ${KILLS} of ${KILLS} recovered, ${inGoal} within the ${GOAL_MS} ms goal; slowest ${Math.max(...times.map((t) => Math.max(t.call, t.lobby)))} ms (limit ${BOUND_MS} ms)`)
    expect(times.every((t) => t.call <= BOUND_MS && t.lobby <= BOUND_MS)).toBe(true)
    // The supervisor said what it did, each time.
    expect(supervisorLog.filter((l) => / killed by SIGKILL after /.test(l))).toHaveLength(KILLS)
    expect(supervisorLog.filter((l) => / is back \(pid \d+\)/.test(l))).toHaveLength(KILLS)
  }, 60_000 + KILLS * BOUND_MS)
})
