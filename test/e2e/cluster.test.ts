/**
 * The office as a company outgrowing one machine runs it (issue 9): one PostgreSQL and one Redis,
 * two livekit-server nodes sharing that Redis, two server instances on that PostgreSQL (each
 * issuing tokens for its own LiveKit node), and haproxy in front of the instances, keeping each
 * browser on the instance it first reached. Everything real, on loopback, installed when missing.
 * Real Chromium members served by different instances and nodes see each other and meet with video
 * both ways; an edit through one instance reaches members of the other; and killing an instance
 * moves its members to the other by themselves, with nothing acknowledged lost.
 */
import type { Browser, BrowserContext } from 'playwright-core'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import type { SignedIn } from '../../protocol/api.ts'
import type { Floor } from '../../protocol/floor/records.ts'
import { launchBrowser, openUser, type User } from '../support/browser.ts'
import { addMember, createWorkspace, MEMBER_PASSWORD, OWNER_PASSWORD, until } from '../support/factories.ts'
import { startHaproxy, type TestHaproxy } from '../support/haproxy.ts'
import { httpClient, type HttpClient } from '../support/http.ts'
import { startLivekitCluster, type LivekitCluster } from '../support/livekit-cluster.ts'
import { freeTcpPort } from '../support/ports.ts'
import { startPostgres, type PostgresCluster } from '../support/postgres.ts'
import { startRedis, type TestRedis } from '../support/redis.ts'
import { startServerProcess, type ServerProcess } from '../support/server-process.ts'
import { tempDir } from '../support/temp.ts'
import { OfficePage } from './pages/office-page.ts'

/** haproxy's stickiness cookie (test/support/haproxy.ts): instance i is `b${i}`. */
const STICKY = 'OFFICE_INSTANCE'

describe('a cluster: PostgreSQL, Redis, two LiveKit nodes, two server instances behind haproxy', () => {
  const dirs = [tempDir('cluster-a-'), tempDir('cluster-b-')]
  const users: User[] = []
  let postgres: PostgresCluster
  let redis: TestRedis
  let livekit: LivekitCluster
  const instances: ServerProcess[] = []
  let haproxy: TestHaproxy
  let livekitFront: TestHaproxy
  let browser: Browser
  let front: HttpClient
  let owner: SignedIn
  let member: SignedIn

  beforeAll(async () => {
    postgres = await startPostgres()
    const databaseUrl = await postgres.createDatabase()
    redis = await startRedis()
    // LiveKit's webhooks go through haproxy too: whichever instance is up takes them.
    const frontPort = await freeTcpPort()
    livekit = await startLivekitCluster({ redis, nodes: 2, webhookUrls: [`http://127.0.0.1:${frontPort}/api/livekit/webhook`] })
    // LiveKit's signal connections go through a balancer of their own, as LiveKit's deployment docs
    // have it (media goes to each node's own UDP port). Both instances give out its one URL, which
    // their pages' CSP allows. Cookies do not care about ports: a browser pinned to instance i by
    // the stickiness cookie is pinned to node i too.
    livekitFront = await startHaproxy({ backends: livekit.nodes.map((n) => n.httpUrl), healthPath: '/', sticky: true })
    const lk = { url: livekitFront.url.replace(/^http/, 'ws'), apiKey: livekit.apiKey, apiSecret: livekit.apiSecret }
    // One after the other: the first migrates the new database, the second finds it migrated.
    for (const dir of dirs) instances.push(await startServerProcess({ dataDir: dir.path, livekit: lk, serveClient: true, env: { DATABASE_URL: databaseUrl } }))
    // Each instance ready (its database and LiveKit answer) before haproxy is asked to forward to them.
    for (const instance of instances) {
      let last = ''
      await until(async () => {
        const res = await fetch(`${instance.url}/api/ready`, { signal: AbortSignal.timeout(5_000) }).catch((err: Error) => ({ status: 0, text: async () => err.message }))
        last = `${res.status} ${await res.text()}`
        return res.status === 200
      }, `${instance.url} to be ready`, 60_000).catch((err: Error) => {
        throw new Error(`${err.message}; last answer: ${last}`)
      })
    }
    haproxy = await startHaproxy({ backends: instances.map((s) => s.url), port: frontPort, sticky: true })
    browser = await launchBrowser()
    front = httpClient(haproxy.url)
    owner = await createWorkspace(front)
    member = await addMember(front, owner)
  })
  // Each test starts with nobody online: its members leave (as closing the app does) and go.
  afterEach(async () => {
    const leaving = users.splice(0)
    await Promise.all(leaving.map((u) => u.page.goto('about:blank').catch(() => undefined)))
    await Promise.all(leaving.map((u) => u.context.close()))
  })
  afterAll(async () => {
    await browser?.close()
    await haproxy?.stop()
    await Promise.all(instances.map((s) => s.stop()))
    await livekitFront?.stop()
    // The nodes leave Redis as they stop: Redis goes last.
    await livekit?.stop()
    await redis?.stop()
    await postgres?.stop()
    for (const dir of dirs) dir.remove()
  })

  /** A member's browser, kept by haproxy on instance `i` and LiveKit node `i`. */
  const signIn = async (who: SignedIn, password: string, i: number) => {
    const pin = async (context: BrowserContext) => context.addCookies([{ name: STICKY, value: `b${i}`, url: haproxy.url }])
    const user = await openUser(browser, haproxy.url, { beforeLoad: pin })
    users.push(user)
    const office = new OfficePage(user.page)
    await office.signIn({ email: who.member.email!, password })
    return office
  }
  const floorVia = async (http: HttpClient) => (await http.get<Floor>(`/api/workspaces/${owner.workspace.id}/floors/floor_main`, owner.session.token)).body
  const renameVia = async (http: HttpClient, name: string) => {
    const floor = await floorVia(http)
    const res = await http.post<{ version: number }>(
      `/api/workspaces/${owner.workspace.id}/floors/floor_main/edits`,
      { baseVersion: floor.version, ops: [{ op: 'room.update', id: 'room_lounge', changes: { name } }] },
      owner.session.token,
    )
    expect(res.status, JSON.stringify(res.body)).toBe(200)
    return res.body.version
  }

  it('members served by different instances and LiveKit nodes see each other, and meet with video both ways', async () => {
    const a = await signIn(owner, OWNER_PASSWORD, 0)
    const b = await signIn(member, MEMBER_PASSWORD, 1)
    await a.desk('2', `${member.member.name}, available`).waitFor()
    await b.desk('1', `${owner.member.name}, available`).waitFor()

    await a.walkInto('Meeting room')
    await a.stage('Meeting room').getByText('Connected').waitFor()
    await b.walkInto('Meeting room')
    await b.stage('Meeting room').getByText('Connected').waitFor()
    // The room lives on one node; the member of the other reaches it through Redis's relay.
    expect(await livekit.hostOf(`${owner.workspace.id}.room_meeting`)).toBeGreaterThanOrEqual(0)
    const aFirst = await a.framesDecoded(member.member.name)
    const bFirst = await b.framesDecoded(owner.member.name)
    expect(await a.waitForFramesBeyond(member.member.name, aFirst)).toBeGreaterThan(aFirst)
    expect(await b.waitForFramesBeyond(owner.member.name, bFirst)).toBeGreaterThan(bFirst)
    // The occupancy (from either node's webhooks, through haproxy) says so to both.
    await a.room('Meeting room', 2).waitFor()
    await b.room('Meeting room', 2).waitFor()
  })

  it('an edit made through one instance reaches members served by the other, and the other way round', async () => {
    const a = await signIn(owner, OWNER_PASSWORD, 0)
    const b = await signIn(member, MEMBER_PASSWORD, 1)
    await renameVia(httpClient(instances[0]!.url), 'Lounge via A')
    await b.room('Lounge via A').waitFor()
    await a.room('Lounge via A').waitFor()
    await renameVia(httpClient(instances[1]!.url), 'Lounge via B')
    await a.room('Lounge via B').waitFor()
    await b.room('Lounge via B').waitFor()
  })

  it("killing an instance moves its members to the other by themselves, with nothing acknowledged lost", async () => {
    const a = await signIn(owner, OWNER_PASSWORD, 0)
    const b = await signIn(member, MEMBER_PASSWORD, 1)
    await a.desk('2', `${member.member.name}, available`).waitFor()
    // Edits acknowledged by instance 0 just before it dies.
    const viaA = httpClient(instances[0]!.url)
    let acknowledged = 0
    for (const name of ['Before 1', 'Before 2', 'Before 3']) acknowledged = await renameVia(viaA, name)

    await instances[0]!.kill9()
    await until(async () => (await haproxy.states())[instances[0]!.url] !== 'UP', 'haproxy to mark the killed instance down')

    // The killed instance's member carries on through the other: walks into a call, seen by the other.
    await a.walkInto('Meeting room')
    await a.stage('Meeting room').getByText('Connected').waitFor()
    await b.room('Meeting room', 1).waitFor()
    // Nothing acknowledged was lost, and both show it; an edit now goes through the survivor.
    const survived = await floorVia(front)
    expect(survived.version).toBe(acknowledged)
    expect(survived.rooms.find((r) => r.id === 'room_lounge')?.name).toBe('Before 3')
    await a.room('Before 3').waitFor()
    await b.room('Before 3').waitFor()
    await renameVia(front, 'After the kill')
    await a.room('After the kill').waitFor()
    await b.room('After the kill').waitFor()
  })
})
