/**
 * An acknowledged write survives kill -9: the server runs as a child process, writers stream edit
 * batches at it, and it is killed with SIGKILL at a random point, several times over. After each
 * restart every acknowledged batch is there, and no batch is half-applied.
 */
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { OpsSince, SignedIn } from '../../protocol/api.ts'
import { applyBatch } from '../../protocol/floor/apply.ts'
import type { Floor } from '../../protocol/floor/records.ts'
import { starterFloor } from '../../server/floor/starter.ts'
import { createWorkspace } from '../support/factories.ts'
import { httpClient, type HttpClient } from '../support/http.ts'
import { startLivekit, type TestLivekit } from '../support/livekit.ts'
import { startServerProcess, type ServerProcess } from '../support/server-process.ts'
import { tempDir } from '../support/temp.ts'

const DESKS_PER_BATCH = 3
const WRITERS = 3
const KILLS = 4

const deskIds = (batchId: string) => Array.from({ length: DESKS_PER_BATCH }, (_, k) => `desk_${batchId}_${k}`)
const batchOfDesk = (deskId: string) => /^desk_(.+)_\d+$/.exec(deskId)?.[1]

describe('durability across kill -9', () => {
  let livekit: TestLivekit
  const servers: ServerProcess[] = []
  const dirs: { remove(): void }[] = []

  beforeAll(async () => {
    livekit = await startLivekit()
  })
  afterAll(async () => {
    await Promise.all(servers.map((s) => s.kill9()))
    for (const dir of dirs) dir.remove()
    await livekit?.stop()
  })

  const start = async (dataDir: string) => {
    const server = await startServerProcess({ dataDir, livekit })
    servers.push(server)
    return server
  }

  /**
   * One writer: batches of desk.add with ids derived from the batch id, rebased on a 409 and
   * retried under the same batch id, until a request fails because the server is gone.
   */
  async function write(http: HttpClient, owner: SignedIn, name: string, acked: Set<string>, onSend: () => void) {
    const path = `/api/workspaces/${owner.workspace.id}/floors/floor_main/edits`
    let base = (await http.get<Floor>(`/api/workspaces/${owner.workspace.id}/floors/floor_main`, owner.session.token)).body.version
    for (let i = 0; ; ) {
      const batchId = `${name}n${i}`
      const ops = deskIds(batchId).map((id, k) => ({
        op: 'desk.add',
        desk: { id, label: `${batchId}/${k}`, x: Math.round(Math.random() * 1000), y: Math.round(Math.random() * 600), rotation: 0, assigneeId: null },
      }))
      let res
      onSend()
      try {
        res = await http.post<{ version: number; currentVersion?: number }>(path, { batchId, baseVersion: base, ops }, owner.session.token)
      } catch {
        return // the server died under this request: not acknowledged, and may or may not be in
      }
      if (res.status === 200) {
        acked.add(batchId)
        base = res.body.version
        i++
      } else if (res.status === 409) {
        base = res.body.currentVersion!
      } else {
        throw new Error(`writer ${name}: ${res.status} ${JSON.stringify(res.body)}`)
      }
    }
  }

  /** Checks the restarted server's floor against its log and against what was acknowledged. */
  async function verify(http: HttpClient, owner: SignedIn, acked: Set<string>) {
    const base = `/api/workspaces/${owner.workspace.id}/floors/floor_main`
    const floor = (await http.get<Floor>(base, owner.session.token)).body
    const log = await http.get<OpsSince>(`${base}/ops?since=0`, owner.session.token)
    expect(log.status, 'the op log must reach back to the first version, without gaps').toBe(200)
    const batches = log.body.batches

    // The version counts the batches, and the log has every version once, in order.
    expect(floor.version).toBe(batches.length)
    expect(log.body.version).toBe(floor.version)
    expect(batches.map((b) => b.version)).toEqual(batches.map((_, i) => i + 1))

    // Every acknowledged batch is in the log.
    const logged = new Set(batches.map((b) => b.batchId))
    expect([...acked].filter((id) => !logged.has(id))).toEqual([])

    // No batch is half-applied: a logged batch has all its desks, and a desk's whole batch is logged.
    const present = new Set(floor.desks.map((d) => d.id))
    const starter = new Set(starterFloor(owner.member.id).desks.map((d) => d.id))
    expect([...logged].flatMap((id) => deskIds(id)).filter((id) => !present.has(id))).toEqual([])
    expect([...present].filter((id) => !starter.has(id) && !logged.has(batchOfDesk(id)!))).toEqual([])

    // And replaying the log over the starter floor gives exactly the stored floor.
    let replayed: Floor = starterFloor(owner.member.id)
    for (const batch of batches) {
      const result = applyBatch(replayed, batch.ops, { isMember: () => true })
      if (!result.ok) throw new Error(`batch ${batch.batchId} does not replay: ${result.error.message}`)
      replayed = result.floor
    }
    expect(replayed).toEqual(floor)
    return batches.length
  }

  it(`keeps every acknowledged batch whole through ${KILLS} kills at random points mid-stream`, async () => {
    const dir = tempDir('durability-')
    dirs.push(dir)
    let server = await start(dir.path)
    let http = httpClient(server.url)
    const owner = await createWorkspace(http)
    const acked = new Set<string>()
    let logged = 0

    for (let round = 0; round < KILLS; round++) {
      // Kill a moment after a random request went out, with the other writers' requests in flight.
      const killAfter = 15 + Math.floor(Math.random() * 60)
      const ackedBefore = acked.size
      let sent = 0
      let killed: Promise<void> | undefined
      const onSend = () => {
        if (++sent === killAfter) killed = new Promise((r) => setTimeout(r, Math.random() * 4)).then(() => server.kill9())
      }
      await Promise.all(Array.from({ length: WRITERS }, (_, w) => write(http, owner, `r${round}w${w}`, acked, onSend)))
      await killed
      expect(server.child.signalCode).toBe('SIGKILL')
      expect(acked.size).toBeGreaterThan(ackedBefore)

      server = await start(dir.path)
      http = httpClient(server.url)
      const count = await verify(http, owner, acked)
      expect(count).toBeGreaterThanOrEqual(logged + acked.size - ackedBefore)
      logged = count
    }
    await server.stop()
    expect(server.child.exitCode).toBe(0)
  })

  it('refuses to start on a store written by a newer server, and leaves it untouched', async () => {
    const dir = tempDir('durability-future-')
    dirs.push(dir)
    const file = join(dir.path, 'office.db')
    const db = new Database(file)
    db.pragma('user_version = 9990')
    db.close()
    await expect(start(dir.path)).rejects.toThrow(/cannot open .*office\.db: the store is at schema 9990, newer than this server/)
    const after = new Database(file, { readonly: true })
    expect(after.pragma('user_version', { simple: true })).toBe(9990)
    after.close()
    writeFileSync(join(dir.path, 'office.db'), 'not a database')
    await expect(start(dir.path)).rejects.toThrow(/cannot open .*office\.db: file is not a database/)
  })
})
