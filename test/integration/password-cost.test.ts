/**
 * The scrypt cost of stored passwords, read from the real SQLite file: N = 2^17 by default, and a
 * cheaper hash (any from before) replaced at the next sign-in, without the user noticing.
 */
import { join } from 'node:path'
import Database from 'better-sqlite3'
import type { FastifyInstance } from 'fastify'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { SignedIn } from '../../protocol/api.ts'
import { buildApp, type AppOptions } from '../../server/app.ts'
import { openSqliteStore } from '../../server/store/sqlite/sqlite-store.ts'
import { OWNER_PASSWORD, createWorkspace, signIn } from '../support/factories.ts'
import { httpClient, type HttpClient } from '../support/http.ts'
import { startLivekit, type TestLivekit } from '../support/livekit.ts'
import { TEST_PASSWORD_COST } from '../support/server.ts'
import { tempDir } from '../support/temp.ts'

describe('password cost', () => {
  let livekit: TestLivekit
  const dir = tempDir('password-cost-')
  const file = join(dir.path, 'office.db')
  const apps: FastifyInstance[] = []

  beforeAll(async () => {
    livekit = await startLivekit()
  })
  afterAll(async () => {
    await Promise.all(apps.map((a) => a.close()))
    await livekit?.stop()
    dir.remove()
  })

  /** Another server instance on the same file, hashing at `passwordCost` (undefined: the default). */
  async function server(passwordCost?: number): Promise<HttpClient> {
    const opts: AppOptions = { store: openSqliteStore(file), livekit, ...(passwordCost === undefined ? {} : { passwordCost }) }
    const app = await buildApp(opts)
    apps.push(app)
    return httpClient(await app.listen({ port: 0, host: '127.0.0.1' }))
  }
  const storedHash = (who: SignedIn) => {
    const db = new Database(file, { readonly: true })
    try {
      return (db.prepare('select password_hash from accounts where email = ?').get(who.member.email) as { password_hash: string }).password_hash
    } finally {
      db.close()
    }
  }
  const costOf = (hash: string) => Math.log2(Number(hash.split('$')[1]))

  it('is N = 2^17, r = 8 for a new account on a server as configured by default', async () => {
    const owner = await createWorkspace(await server())
    expect(storedHash(owner)).toMatch(/^scrypt\$131072\$8\$1\$/)
  }, 60_000)

  it('rises at the next sign-in for a hash made cheaper: the same password works before and after, then no more rehashing', async () => {
    const cheap = await server(TEST_PASSWORD_COST)
    const dearer = await server(TEST_PASSWORD_COST + 2)
    const owner = await createWorkspace(cheap)
    const before = storedHash(owner)
    expect(costOf(before)).toBe(TEST_PASSWORD_COST)

    await signIn(dearer, owner, OWNER_PASSWORD)
    const after = storedHash(owner)
    expect(costOf(after)).toBe(TEST_PASSWORD_COST + 2)
    expect(after.split('$')[4]).not.toBe(before.split('$')[4])
    // Both servers still let the owner in; a wrong password changes nothing.
    await signIn(cheap, owner, OWNER_PASSWORD)
    await signIn(dearer, owner, OWNER_PASSWORD)
    expect((await dearer.post('/api/sessions', { email: owner.member.email, password: 'not-the-password' })).status).toBe(401)
    expect(storedHash(owner)).toBe(after)
  })
})
