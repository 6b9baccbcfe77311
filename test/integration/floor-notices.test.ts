/**
 * The edit path as a straight line, against the real server and livekit-server: after an edit the
 * lobby receives the batch itself (in commit order, also when hosts edit at once), a batch too
 * large for one packet as "fetch since", and floor-list changes as the list. The renderer's floor
 * sync, fed by a lobby participant, applies what it is told: a member pays no request for an
 * edit, a host one (its own POST), and a gap costs one `ops?since`.
 */
import { join } from 'node:path'
import { Room, RoomEvent, type RemoteParticipant } from '@livekit/rtc-node'
import type { FastifyInstance } from 'fastify'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { LobbyToken, OpsSince, SignedIn } from '../../protocol/api.ts'
import type { FloorOp } from '../../protocol/floor/ops.ts'
import type { Floor } from '../../protocol/floor/records.ts'
import { MAX_NOTICE_BYTES, topics, type FloorNotice } from '../../protocol/presence.ts'
import type { PlatformCache } from '../../renderer/platform/platform.ts'
import { createApi } from '../../renderer/services/api.ts'
import { readFloorNotice } from '../../renderer/services/floor-notice.ts'
import { acceptBatch, acceptFloorNotice, syncFloors, type SyncDeps } from '../../renderer/services/sync.ts'
import { createFloorStore } from '../../renderer/stores/floor/store.ts'
import { buildApp } from '../../server/app.ts'
import { openSqliteStore } from '../../server/store/sqlite/sqlite-store.ts'
import { addMember, createWorkspace, until } from '../support/factories.ts'
import { httpClient, type HttpClient } from '../support/http.ts'
import { startLivekit, type TestLivekit } from '../support/livekit.ts'
import { tempDir } from '../support/temp.ts'

const renameRoom = (name: string): FloorOp => ({ op: 'room.update', id: 'room_lounge', changes: { name } })
const moveDesk = (x: number): FloorOp => ({ op: 'desk.update', id: 'desk_7', changes: { x } })

describe('floor notices on the lobby', () => {
  let livekit: TestLivekit
  let app: FastifyInstance
  let url: string
  let http: HttpClient
  const dir = tempDir('floor-notices-')
  const lobbies: Room[] = []
  /** Every request the server received: whose session, and what. */
  const requests: { token: string; what: string }[] = []
  /** One response the server holds back once it is computed, as a slow network would. */
  let slowAnswer: { match(r: { token: string; what: string }): boolean; reached(): void; release: Promise<void> } | null = null
  const tokenOf = (req: { headers: { authorization?: string | undefined } }) => (req.headers.authorization ?? '').replace(/^Bearer /, '')

  beforeAll(async () => {
    livekit = await startLivekit()
    app = await buildApp({ store: openSqliteStore(join(dir.path, 'office.db')), livekit })
    app.addHook('onRequest', async (req) => void requests.push({ token: tokenOf(req), what: `${req.method} ${req.url}` }))
    app.addHook('onSend', async (req, _reply, payload) => {
      const slow = slowAnswer
      if (slow?.match({ token: tokenOf(req), what: `${req.method} ${req.url}` })) {
        slowAnswer = null
        slow.reached()
        await slow.release
      }
      return payload
    })
    url = await app.listen({ port: 0, host: '127.0.0.1' })
    http = httpClient(url)
  })
  afterAll(async () => {
    await Promise.all(lobbies.map((r) => r.disconnect()))
    await app?.close()
    await livekit?.stop()
    dir.remove()
  })

  /** Holds back the next answer to a request that `match`es until `release()`; `reached` once it is computed. */
  function holdAnswer(match: (r: { token: string; what: string }) => boolean) {
    let reached = () => {}
    let release = () => {}
    const answered = new Promise<void>((resolve) => (reached = resolve))
    slowAnswer = { match, reached, release: new Promise<void>((resolve) => (release = resolve)) }
    return { reached: answered, release: () => release() }
  }

  /** The requests `who` made since `mark` (an index into `requests`). */
  const requestsOf = (who: SignedIn, mark: number) => requests.slice(mark).filter((r) => r.token === who.session.token).map((r) => r.what)
  const floorPath = (who: SignedIn, floor = 'floor_main') => `/api/workspaces/${who.workspace.id}/floors/${floor}`
  const serverFloor = async (who: SignedIn, floor = 'floor_main') => (await http.get<Floor>(floorPath(who, floor), who.session.token)).body
  const postEdit = (who: SignedIn, baseVersion: number, ops: FloorOp[], floor = 'floor_main') =>
    http.post<{ version: number; currentVersion?: number }>(`${floorPath(who, floor)}/edits`, { baseVersion, ops }, who.session.token)

  /** A lobby participant of `who`'s workspace that hands every server notice on `floor` to `onNotice`. */
  async function joinLobby(who: SignedIn, onNotice: (notice: FloorNotice | null, raw: unknown) => void) {
    const token = await http.post<LobbyToken>(`/api/workspaces/${who.workspace.id}/lobby/token`, undefined, who.session.token)
    const lobby = new Room()
    lobbies.push(lobby)
    lobby.on(RoomEvent.DataReceived, (payload: Uint8Array, participant?: RemoteParticipant, _kind?: unknown, topic?: string) => {
      if (!participant && topic === topics.floor) onNotice(readFloorNotice(payload), JSON.parse(new TextDecoder().decode(payload)))
    })
    await lobby.connect(token.body.url, token.body.token, { autoSubscribe: false, dynacast: false })
  }

  /** What the lobby delivered, as sent (and whether the renderer's reader accepts each). */
  async function recorder(who: SignedIn) {
    const heard: { raw: FloorNotice; readable: boolean }[] = []
    await joinLobby(who, (notice, raw) => heard.push({ raw: raw as FloorNotice, readable: notice !== null }))
    return heard
  }

  /**
   * The renderer's floor sync (its API client, floor store and a cache) fed by `who`'s lobby. It
   * never gets the notices `drop` picks; those `delay` picks reach it just after the next notice.
   */
  async function syncClient(who: SignedIn, drop: (n: FloorNotice) => boolean = () => false, delay: (n: FloorNotice) => boolean = () => false) {
    const cached = new Map<string, Floor>()
    const cache: PlatformCache = {
      getSnapshot: async () => null,
      putWorkspace: async () => undefined,
      putFloor: async (_ws, floor) => void cached.set(floor.id, floor),
      putMembers: async () => undefined,
      putPresence: async () => undefined,
      clear: async () => undefined,
    }
    const deps: SyncDeps = { api: createApi(url, () => who.session.token), platform: { cache }, floor: createFloorStore(), workspaceId: who.workspace.id }
    await syncFloors(deps)
    /** floor_main's versions as the store showed them, in order. */
    const versions: number[] = [deps.floor.getState().floors.find((f) => f.id === 'floor_main')!.version]
    deps.floor.subscribe((s) => {
      const v = s.floors.find((f) => f.id === 'floor_main')?.version
      if (v !== undefined && v !== versions.at(-1)) versions.push(v)
    })
    const received: FloorNotice[] = []
    const outcomes: { notice: FloorNotice; outcome: unknown }[] = []
    const take = (notice: FloorNotice) => {
      received.push(notice)
      void acceptFloorNotice(deps, notice).then((outcome) => outcomes.push({ notice, outcome }))
    }
    let delayed: FloorNotice | null = null
    await joinLobby(who, (notice) => {
      if (!notice || drop(notice)) return
      if (!delayed && delay(notice)) return void (delayed = notice)
      take(notice)
      if (delayed) take(delayed)
      delayed = null
    })
    const floor = (id = 'floor_main') => deps.floor.getState().floors.find((f) => f.id === id)
    const outcomeOf = (version: number) => outcomes.find((o) => o.notice.type !== 'floors' && o.notice.version === version)?.outcome
    return { deps, cached, versions, received, floor, outcomeOf }
  }

  it('sends each applied batch itself, in commit order, while four hosts edit at once', async () => {
    const owner = await createWorkspace(http)
    const hosts = [owner, ...(await Promise.all([1, 2, 3].map(() => addMember(http, owner, 'host'))))]
    const member = await addMember(http, owner, 'member')
    const start = (await serverFloor(owner)).version
    const heard = await recorder(owner)
    const client = await syncClient(member)
    const BURST = 40

    const writer = async (who: SignedIn, n: number) => {
      for (let base = start, done = 0; done < BURST / hosts.length; ) {
        const res = await postEdit(who, base, [renameRoom(`${who.member.name} ${done}`), moveDesk(100 + n * 10 + done)])
        expect([200, 409]).toContain(res.status)
        base = res.status === 200 ? res.body.version : res.body.currentVersion!
        if (res.status === 200) done++
      }
    }
    await Promise.all(hosts.map(writer))
    const end = start + BURST
    await until(async () => heard.some((h) => h.raw.type === 'batch' && h.raw.version === end), `batch ${end} on the lobby`)

    const log = (await http.get<OpsSince>(`${floorPath(owner)}/ops?since=${start}`, owner.session.token)).body.batches
    // Notices of the sign-ups before `start` may still be on their way when the recorder joins.
    const batches = heard.map((h) => h.raw).filter((n): n is Extract<FloorNotice, { type: 'batch' }> => n.type === 'batch' && n.version > start)
    expect(batches.map(({ floorId, version, batchId, ops }) => ({ floorId, version, batchId, ops }))).toEqual(log.map((b) => ({ floorId: 'floor_main', ...b })))
    expect(heard.every((h) => h.readable)).toBe(true)

    await until(async () => client.floor()?.version === end, `the client at version ${end}`)
    expect(client.versions.filter((v, i) => i > 0 && v < client.versions[i - 1]!)).toEqual([])
    expect(client.floor()).toEqual(await serverFloor(owner))
    expect(client.cached.get('floor_main')).toEqual(client.floor())
  })

  it('a catch-up answered late never takes the floor back past a batch that arrived meanwhile', async () => {
    const owner = await createWorkspace(http)
    const member = await addMember(http, owner, 'member')
    const first = (await serverFloor(owner)).version
    const client = await syncClient(member, (n) => n.type === 'batch' && n.version === first + 1)
    const missed = (await postEdit(owner, first, [renameRoom('Missed')])).body.version

    // The member catches up (as on a reconnect), and its answer is slow to come back...
    const slow = holdAnswer((r) => r.token === member.session.token && r.what.includes('/ops?since='))
    const resync = syncFloors(client.deps)
    await slow.reached
    // ...while the next edit's notice reaches it.
    const next = (await postEdit(owner, missed, [renameRoom('Meanwhile')])).body.version
    await until(async () => client.received.some((n) => n.type === 'batch' && n.version === next), `the notice of version ${next}`)
    slow.release()
    await resync

    await until(async () => client.outcomeOf(next) !== undefined, `version ${next} at the member`)
    expect(client.versions).toEqual([first, missed, next])
    expect(client.outcomeOf(next)).toBe('applied')
    expect(client.floor()).toEqual(await serverFloor(owner))
  })

  it("a member applies a host's edits with no request; the host's own edit costs its POST, and the echo nothing", async () => {
    const owner = await createWorkspace(http)
    const host = await addMember(http, owner, 'host')
    const member = await addMember(http, owner, 'member')
    const hostClient = await syncClient(host)
    const memberClient = await syncClient(member)
    const mark = requests.length
    const edits: number[] = []
    const own: unknown[] = []

    for (let i = 0; i < 10; i++) {
      const base = hostClient.floor()!
      const batchId = `host-edit-${i}`
      const ops = [i % 2 ? moveDesk(200 + i) : renameRoom(`Lounge ${i}`)]
      const { version } = await hostClient.deps.api.edit(host.workspace.id, 'floor_main', { baseVersion: base.version, batchId, ops })
      // The editor hands its batch to sync right after the server's 200 (the echo may be first).
      own.push(await acceptBatch(hostClient.deps, 'floor_main', { version, batchId, ops }))
      edits.push(version)
      await until(async () => memberClient.outcomeOf(version) !== undefined && hostClient.outcomeOf(version) !== undefined, `version ${version} on both lobbies`)
    }

    expect(edits.map(memberClient.outcomeOf)).toEqual(edits.map(() => 'applied'))
    // Whichever of the two reaches the host first applies the batch; the other finds it held.
    expect(edits.map((v, i) => [own[i], hostClient.outcomeOf(v)].sort())).toEqual(edits.map(() => ['applied', 'held']))
    expect(requestsOf(member, mark)).toEqual([])
    expect(requestsOf(host, mark)).toEqual(edits.map(() => `POST ${floorPath(host)}/edits`))
    const truth = await serverFloor(owner)
    expect([memberClient.floor(), hostClient.floor(), memberClient.cached.get('floor_main')]).toEqual([truth, truth, truth])
  })

  it('two server instances on one database announce on their own; batches that cross on the way are applied in order, at no request', async () => {
    const second = await buildApp({ store: openSqliteStore(join(dir.path, 'office.db')), livekit })
    const other = httpClient(await second.listen({ port: 0, host: '127.0.0.1' }))
    try {
      const owner = await createWorkspace(http)
      const member = await addMember(http, owner, 'member')
      const first = (await serverFloor(owner)).version
      // Every other batch reaches the member after the one that follows it, as if it had crossed it.
      const client = await syncClient(member, () => false, (n) => n.type === 'batch' && (n.version - first) % 2 === 1)
      // The seat edit's notice waited for the lobby to exist: it is through before the turns start.
      await until(async () => client.received.some((n) => n.type === 'batch' && n.version === first), `the notice of version ${first}`)
      const mark = requests.length
      let version = first
      for (let i = 0; i < 6; i++) {
        // Alternately through each instance, as a load balancer would send them.
        const via = i % 2 ? other : http
        const res = await via.post<{ version: number }>(`${floorPath(owner)}/edits`, { baseVersion: version, ops: [renameRoom(`Turn ${i}`)] }, owner.session.token)
        expect(res.status).toBe(200)
        version = res.body.version
      }
      await until(async () => client.floor()?.version === version, `version ${version} at the member`)
      expect(client.received.map((n) => (n.type === 'batch' ? n.version : n.type))).toEqual([0, 2, 1, 4, 3, 6, 5].map((k) => first + k))
      expect(client.versions).toEqual([0, 1, 2, 3, 4, 5, 6].map((k) => first + k))
      await until(async () => client.outcomeOf(version - 1) !== undefined, 'every outcome')
      expect([1, 2, 3, 4, 5, 6].map((k) => client.outcomeOf(first + k))).toEqual(Array(6).fill('applied'))
      expect(requestsOf(member, mark)).toEqual([])
      expect(client.floor()).toEqual(await serverFloor(owner))
    } finally {
      await second.close()
    }
  })

  it('a missed batch costs one ops?since; a batch over the packet limit comes as "since" and costs one too', async () => {
    const owner = await createWorkspace(http)
    const member = await addMember(http, owner, 'member')
    let version = (await serverFloor(owner)).version
    const lost = version + 2
    const client = await syncClient(member, (n) => n.type === 'batch' && n.version === lost)
    const heard = await recorder(owner)

    let mark = requests.length
    for (let i = 0; i < 3; i++) version = (await postEdit(owner, version, [renameRoom(`Step ${i}`)])).body.version
    await until(async () => client.outcomeOf(version) !== undefined, `version ${version} at the member`)
    expect([client.outcomeOf(lost - 1), client.outcomeOf(lost + 1)]).toEqual(['applied', 'caught-up'])
    expect(requestsOf(member, mark)).toEqual([`GET ${floorPath(member)}/ops?since=${lost - 1}`])

    const desks = Array.from({ length: 200 }, (_, i): FloorOp => ({ op: 'desk.add', desk: { id: `desk_row_${i}`, label: `Row desk ${i}`, x: 20 + (i % 100) * 10, y: 200 + Math.floor(i / 100) * 20, rotation: 0, assigneeId: null } }))
    expect(JSON.stringify(desks).length).toBeGreaterThan(MAX_NOTICE_BYTES)
    mark = requests.length
    const big = (await postEdit(owner, version, desks)).body.version
    await until(async () => client.outcomeOf(big) !== undefined, `version ${big} at the member`)
    expect(heard.find((h) => h.raw.type !== 'floors' && h.raw.version === big)?.raw).toEqual({ type: 'since', floorId: 'floor_main', version: big })
    expect(client.outcomeOf(big)).toBe('caught-up')
    expect(requestsOf(member, mark)).toEqual([`GET ${floorPath(member)}/ops?since=${version}`])
    expect(client.floor()).toEqual(await serverFloor(owner))
  })

  it('floors added, reordered and removed come as the list in position order; the member fetches only the new floor', async () => {
    const owner = await createWorkspace(http)
    const member = await addMember(http, owner, 'member')
    const heard = await recorder(owner)
    const client = await syncClient(member)
    const lists = () => heard.flatMap((h) => (h.raw.type === 'floors' ? [h.raw.floors.map((f) => f.id)] : []))
    const memberFloors = () => client.deps.floor.getState().floors.map((f) => f.id)
    let mark = requests.length

    const annex = (await http.post<Floor>(`/api/workspaces/${owner.workspace.id}/floors`, { name: 'Annex', width: 600, height: 400 }, owner.session.token)).body
    await until(async () => memberFloors().length === 2 && lists().length === 1, 'the annex at the member')
    expect(heard.at(-1)?.raw).toEqual({ type: 'floors', floors: [{ id: 'floor_main', name: 'Main floor', version: expect.any(Number) }, { id: annex.id, name: 'Annex', version: 0 }] })
    expect(requestsOf(member, mark)).toEqual([`GET ${floorPath(member, annex.id)}`])
    expect(client.floor(annex.id)).toEqual(annex)

    mark = requests.length
    expect((await http.call('PUT', `/api/workspaces/${owner.workspace.id}/floors/order`, { token: owner.session.token, body: { floorIds: [annex.id, 'floor_main'] } })).status).toBe(200)
    await until(async () => memberFloors()[0] === annex.id && lists().length === 2, 'the new order at the member')
    expect(lists().at(-1)).toEqual([annex.id, 'floor_main'])

    expect((await http.call('DELETE', floorPath(owner), { token: owner.session.token })).status).toBe(204)
    await until(async () => memberFloors().length === 1 && lists().length === 3, 'the main floor gone at the member')
    expect(lists().at(-1)).toEqual([annex.id])
    expect(memberFloors()).toEqual([annex.id])
    expect(requestsOf(member, mark)).toEqual([])
  })
})
