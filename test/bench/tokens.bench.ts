/**
 * The server under load: room-token requests per second at 200 concurrent connections (the server
 * as its own process, autocannon as the client), against the raw cost of signing a token with
 * livekit-server-sdk measured in the same run; and floor edit batches per second with their
 * commit latency, against the store's own commit without HTTP.
 */
import autocannon from 'autocannon'
import { AccessToken, RoomConfiguration, TrackSource } from 'livekit-server-sdk'
import { join } from 'node:path'
import { applyBatch } from '../../protocol/floor/apply.ts'
import type { SignedIn } from '../../protocol/api.ts'
import { starterFloor } from '../../server/floor/starter.ts'
import { openSqliteStore } from '../../server/store/sqlite/sqlite-store.ts'
import { httpClient } from '../support/http.ts'
import { startLivekit } from '../support/livekit.ts'
import { startServerProcess } from '../support/server-process.ts'
import { tempDir } from '../support/temp.ts'
import { ms, summary, type Benchmark, type Row } from './harness.ts'

const CONNECTIONS = 200
const DURATION_S = 10
const EDITS = 300

/** What the token route costs at its core: one room token signed with the SDK, sequentially. */
async function rawTokenMicros(n = 20_000): Promise<number> {
  const sign = () => {
    const at = new AccessToken('key', 'secret-secret-secret-secret-32ch', { identity: 'mem_bench', name: 'Bench', ttl: 600 })
    at.addGrant({ roomJoin: true, room: 'ws_bench.room_meeting', canPublish: true, canPublishSources: [TrackSource.CAMERA, TrackSource.MICROPHONE], canSubscribe: true })
    at.roomConfig = new RoomConfiguration({ name: 'ws_bench.room_meeting', maxParticipants: 8 })
    return at.toJwt()
  }
  for (let i = 0; i < 2_000; i++) await sign() // warm up the JIT
  const start = performance.now()
  for (let i = 0; i < n; i++) await sign()
  return ((performance.now() - start) * 1000) / n
}

/** The store's own edit commit (apply + SQLite transaction, synchronous=FULL), without HTTP. */
async function rawEditLatencies(): Promise<number[]> {
  const dir = tempDir('bench-store-')
  const store = openSqliteStore(join(dir.path, 'office.db'))
  try {
    const floor = starterFloor('mem_owner')
    await store.createWorkspace({ id: 'ws_bench', name: 'Bench', createdAt: Date.now() }, { memberId: 'mem_owner', role: 'owner', rooms: [], account: { id: 'acc_owner', email: 'o@example.com', name: 'Owner', passwordHash: 'x', colour: '#000000' } }, floor)
    const times: number[] = []
    for (let i = 0; i < EDITS; i++) {
      const ops = [{ op: 'desk.update', id: 'desk_2', changes: { label: `D${i}` } }]
      const start = performance.now()
      await store.editFloor('ws_bench', floor.id, { baseVersion: i, batchId: `b${i}`, ops, authorId: 'mem_owner', at: Date.now() }, (f, o) => applyBatch(f, o, { isMember: () => true }))
      times.push(performance.now() - start)
    }
    return times
  } finally {
    store.close()
    dir.remove()
  }
}

export const serverLoad: Benchmark = {
  name: 'server load',
  async run() {
    const livekit = await startLivekit()
    const dir = tempDir('bench-server-')
    const server = await startServerProcess({ dataDir: dir.path, livekit })
    try {
      const http = httpClient(server.url)
      const owner = (await http.post<SignedIn>('/api/workspaces', { name: 'Bench', owner: { name: 'Owner', email: 'owner@example.com', password: 'owner-password' } })).body
      const ws = owner.workspace.id

      const result = await autocannon({
        url: `${server.url}/api/workspaces/${ws}/rooms/room_meeting/token`,
        method: 'POST',
        headers: { authorization: `Bearer ${owner.session.token}` },
        connections: CONNECTIONS,
        duration: DURATION_S,
      })
      const perRequestUs = 1e6 / result.requests.average
      const rawUs = await rawTokenMicros()
      // The floor under any route on this machine: the same load on a route that does nothing.
      const ping = await autocannon({ url: `${server.url}/api/ping`, connections: CONNECTIONS, duration: 5 })
      const pingUs = 1e6 / ping.requests.average

      const editTimes: number[] = []
      let version = (await http.get<{ version: number }>(`/api/workspaces/${ws}/floors/floor_main`, owner.session.token)).body.version
      const editsStart = performance.now()
      for (let i = 0; i < EDITS; i++) {
        const start = performance.now()
        const res = await http.post<{ version: number }>(`/api/workspaces/${ws}/floors/floor_main/edits`, { baseVersion: version, ops: [{ op: 'desk.update', id: 'desk_2', changes: { label: `D${i}` } }] }, owner.session.token)
        editTimes.push(performance.now() - start)
        if (res.status !== 200) throw new Error(`edit ${i}: ${res.status} ${JSON.stringify(res.body)}`)
        version = res.body.version
      }
      const editsPerSecond = (EDITS * 1000) / (performance.now() - editsStart)
      const e = summary(editTimes)
      const raw = summary(await rawEditLatencies())

      const rows: Row[] = [
        {
          figure: `room tokens, ${CONNECTIONS} concurrent (${DURATION_S} s)`,
          value: `${Math.round(result.requests.average)} req/s, p50 ${ms(result.latency.p50)}, p99 ${ms(result.latency.p99)}`,
          comparison:
            `${(perRequestUs / rawUs).toFixed(2)}× a raw AccessToken.toJwt() (${perRequestUs.toFixed(0)} µs vs ${rawUs.toFixed(1)} µs per token; goal ≤ 3×, p99 ≤ 20 ms); ` +
            `an empty route under the same load costs ${pingUs.toFixed(0)} µs (${(pingUs / rawUs).toFixed(1)}×); ${result.non2xx} non-2xx, ${result.errors} errors`,
        },
        {
          figure: `floor edit batches, sequential (${EDITS})`,
          value: `${editsPerSecond.toFixed(0)} batches/s, p50 ${ms(e.p50)}, p99 ${ms(e.p99)}`,
          comparison: `${(e.p50 / raw.p50).toFixed(2)}× the store's own commit without HTTP (p50 ${ms(raw.p50)}, p99 ${ms(raw.p99)})`,
        },
      ]
      return rows
    } finally {
      await server.stop()
      await livekit.stop()
      dir.remove()
    }
  },
}
