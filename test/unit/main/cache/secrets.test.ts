/**
 * The session token never lives in the cache's SQLite file, so a corrupt cache is moved aside
 * without it; a cache from an older app that did hold it is emptied of it at open, or scrubbed
 * before it is moved aside. Real SQLite files, checked on their bytes.
 */
import fs from 'node:fs'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { openCache, type Cache, type RecoveryInfo } from '../../../../main/cache/open.ts'
import { cacheKv, getSnapshot, putSetting, putWorkspace } from '../../../../main/cache/queries.ts'
import { secretsFileFor } from '../../../../main/cache/secrets-file.ts'
import { createSecretStore, type Cipher, type Protection } from '../../../../main/credentials/secret-store.ts'
import { tempDir, workspace } from '../fixtures.ts'

const xorCipher: Cipher = {
  encrypt: async (plain) => Uint8Array.from(Buffer.from(plain, 'utf8'), (b) => b ^ 0x5a),
  decrypt: async (sealed) => Buffer.from(Uint8Array.from(sealed, (b) => b ^ 0x5a)).toString('utf8'),
}
const sealed: Protection = { cipher: xorCipher, weakness: null }
const unsealed: Protection = { cipher: null, weakness: 'none' }
const token = 'tok_9f8e7d6c5b4a39281706f5e4d3c2b1a0'
const session = JSON.stringify({ token, workspaceId: workspace.id, memberId: 'mem_ana' })

const opened: Cache[] = []
afterEach(() => opened.splice(0).forEach((c) => c.close()))

function open(file: string, recovered: RecoveryInfo[] = []): Cache {
  const cache = openCache(file, { onRecovered: (info) => recovered.push(info), now: () => 42 })
  opened.push(cache)
  return cache
}

const store = (cache: Cache, protection: Protection) => createSecretStore({ kv: cacheKv(cache), protection, warn: () => {} })

/** The bytes of a database file and its WAL, as text an attacker would grep. */
const bytesOf = (file: string): string =>
  [file, `${file}-wal`].map((f) => (fs.existsSync(f) ? fs.readFileSync(f).toString('latin1') : '')).join('')

/** What the store wrote for `session` (tag and base64, base64 alone), and the token: none may be found in a cache file. */
const storedForms = (cache: Cache): string[] => {
  const stored = cacheKv(cache).get('secret:session') ?? ''
  expect(stored).toMatch(/^(os|plain):/)
  return [stored, stored.slice(stored.indexOf(':') + 1), token]
}

/** Garbage over the header: the next open fails with SQLITE_NOTADB, the pages stay as they were. */
const corruptHeader = (file: string) => {
  const fd = fs.openSync(file, 'r+')
  fs.writeSync(fd, Buffer.from('this is not a database'), 0, 22, 0)
  fs.closeSync(fd)
}

/** A cache as the previous app version left it: the sealed session in its kv table, written twice. */
function olderAppCache(file: string): string[] {
  const cache = openCache(file)
  putWorkspace(cache, workspace)
  const values = ['plain:' + Buffer.from(session.replace(token, 'tok_older_one_0123456789')).toString('base64'), 'plain:' + Buffer.from(session).toString('base64')]
  const write = cache.db.prepare('INSERT INTO kv (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value')
  for (const v of values) write.run('secret:session', v)
  cache.close()
  expect(bytesOf(file)).toContain(values[1]!.slice(6))
  return values
}

describe('the session token and the cache file', () => {
  // Without OS encryption the token is never written (main/credentials/secret-store.ts): see its tests.
  it.each([['sealed by the OS', sealed]])('a corrupt cache is moved aside without the token (%s), and the user stays signed in', async (_label, protection) => {
    const file = path.join(tempDir(), 'cache.db')
    const first = open(file)
    putWorkspace(first, workspace)
    await store(first, protection).set('session', session)
    const forms = storedForms(first)
    first.close()
    corruptHeader(file)

    const recovered: RecoveryInfo[] = []
    const cache = open(file, recovered)
    expect(recovered).toEqual([{ movedTo: `${file}.corrupt-42`, reason: expect.stringMatching(/NOTADB/) }])
    for (const form of forms) expect(bytesOf(`${file}.corrupt-42`)).not.toContain(form)
    expect(await store(cache, protection).get('session')).toBe(session)
  })

  it("moves an older app's secrets out of the cache at open, and wipes them from its bytes", async () => {
    const file = path.join(tempDir(), 'cache.db')
    const [older, latest] = olderAppCache(file)
    const cache = open(file)
    expect(cache.db.prepare("SELECT count(*) AS n FROM kv WHERE key GLOB 'secret:*'").get()).toEqual({ n: 0 })
    expect(await store(cache, unsealed).get('session')).toBe(session)
    for (const value of [older!, latest!]) expect(bytesOf(file)).not.toContain(value.slice(6))
    expect(getSnapshot(cache, workspace.id)?.workspace).toEqual(workspace)
  })

  it("scrubs an older app's corrupt cache before moving it aside, and keeps the rest to look at", () => {
    const file = path.join(tempDir(), 'cache.db')
    const [older, latest] = olderAppCache(file)
    corruptHeader(file)
    open(file)
    const aside = bytesOf(`${file}.corrupt-42`)
    for (const value of [older!, latest!]) expect(aside).not.toContain(value.slice(6))
    expect(aside).toContain(workspace.name)
  })

  it('refuses to store a secret in the cache', () => {
    const cache = open(path.join(tempDir(), 'cache.db'))
    expect(() => putSetting(cache, 'secret:session', 'plain:abc')).toThrow(/secrets are kept beside the cache/)
  })

  it('keeps the credentials file readable by its owner only', async () => {
    const file = path.join(tempDir(), 'cache.db')
    await store(open(file), sealed).set('session', session)
    expect(fs.statSync(secretsFileFor(file)).mode & 0o777).toBe(0o600)
  })

  it('treats a damaged credentials file as signed out, and replaces it at the next sign-in', async () => {
    const file = path.join(tempDir(), 'cache.db')
    const cache = open(file)
    fs.writeFileSync(secretsFileFor(file), '{"secret:session": "os:AAA')
    expect(await store(cache, sealed).get('session')).toBeNull()
    await store(cache, sealed).set('session', session)
    expect(await store(cache, sealed).get('session')).toBe(session)
  })
})
