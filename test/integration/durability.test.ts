/**
 * An acknowledged write survives kill -9: the server runs as a child process, writers stream edit
 * batches at it, and it is killed with SIGKILL at a random point, several times over. After each
 * restart every acknowledged batch is there, and no batch is half-applied: on the embedded SQLite
 * file, and on PostgreSQL.
 */
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { verifyAcknowledged, writeUntilGone } from '../support/edit-stream.ts'
import { createWorkspace } from '../support/factories.ts'
import { httpClient } from '../support/http.ts'
import { startLivekit, type TestLivekit } from '../support/livekit.ts'
import { startPostgres } from '../support/postgres.ts'
import { startServerProcess, type ServerProcess } from '../support/server-process.ts'
import { tempDir } from '../support/temp.ts'

const WRITERS = 3
const KILLS = 4

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

  const start = async (dataDir: string, env: NodeJS.ProcessEnv = {}) => {
    const server = await startServerProcess({ dataDir, livekit, env })
    servers.push(server)
    return server
  }

  /** Streams edits at a server on `env`'s store, kills it KILLS times, and checks what it acknowledged. */
  const killsMidStream = async (env: NodeJS.ProcessEnv = {}) => {
    const dir = tempDir('durability-')
    dirs.push(dir)
    let server = await start(dir.path, env)
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
      await Promise.all(Array.from({ length: WRITERS }, (_, w) => writeUntilGone(http, owner, `r${round}w${w}`, acked, onSend)))
      await killed
      expect(server.child.signalCode).toBe('SIGKILL')
      expect(acked.size).toBeGreaterThan(ackedBefore)

      server = await start(dir.path, env)
      http = httpClient(server.url)
      const count = (await verifyAcknowledged(http, owner, acked)).version
      expect(count).toBeGreaterThanOrEqual(logged + acked.size - ackedBefore)
      logged = count
    }
    await server.stop()
    expect(server.child.exitCode).toBe(0)
  }

  it(`keeps every acknowledged batch whole through ${KILLS} kills at random points mid-stream`, () => killsMidStream())

  it(`keeps every acknowledged batch whole through ${KILLS} kills on PostgreSQL too (DATABASE_URL)`, async () => {
    const postgres = await startPostgres()
    try {
      await killsMidStream({ DATABASE_URL: await postgres.createDatabase() })
    } finally {
      await postgres.stop()
    }
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
