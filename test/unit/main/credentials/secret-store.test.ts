import fs from 'node:fs'
import path from 'node:path'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { openCache, type Cache } from '../../../../main/cache/open.ts'
import { cacheKv } from '../../../../main/cache/queries.ts'
import { createSecretStore, type Cipher, type Protection } from '../../../../main/credentials/secret-store.ts'
import { tempDir } from '../fixtures.ts'

/**
 * Stands in for safeStorage, which needs the Electron binary: a reversible transform that is not
 * the identity, so a test can tell sealed from plain storage.
 */
const xorCipher: Cipher = {
  encrypt: async (plain) => Uint8Array.from(Buffer.from(plain, 'utf8'), (b) => b ^ 0x5a),
  decrypt: async (sealed) => Buffer.from(Uint8Array.from(sealed, (b) => b ^ 0x5a)).toString('utf8'),
}
const strong: Protection = { cipher: xorCipher, weakness: null }

const opened: Cache[] = []
afterEach(() => opened.splice(0).forEach((c) => c.close()))

function cacheAt(file = path.join(tempDir(), 'cache.db')): Cache {
  const cache = openCache(file)
  opened.push(cache)
  return cache
}

describe('secret store', () => {
  it('returns what was set, after the cache file is closed and reopened', async () => {
    const file = path.join(tempDir(), 'cache.db')
    const first = cacheAt(file)
    await createSecretStore({ kv: cacheKv(first), protection: strong }).set('session.token', 'tok-123')
    first.close()
    expect(await createSecretStore({ kv: cacheKv(cacheAt(file)), protection: strong }).get('session.token')).toBe('tok-123')
  })

  it('never writes the plain value when a cipher is available', async () => {
    const cache = cacheAt()
    await createSecretStore({ kv: cacheKv(cache), protection: strong }).set('session.token', 'tok-123')
    const stored = cacheKv(cache).get('secret:session.token') ?? ''
    expect(Buffer.from(stored.replace(/^os:/, ''), 'base64').toString('utf8')).not.toContain('tok-123')
  })

  it('returns null for an unknown key', async () => {
    expect(await createSecretStore({ kv: cacheKv(cacheAt()), protection: strong }).get('nothing')).toBeNull()
  })

  it('forgets a key set to null', async () => {
    const store = createSecretStore({ kv: cacheKv(cacheAt()), protection: strong })
    await store.set('session.token', 'tok')
    await store.set('session.token', null)
    expect(await store.get('session.token')).toBeNull()
  })

  it('writes nothing without OS encryption: the secret lasts the session, and it says why', async () => {
    const warn = vi.fn()
    const cache = cacheAt()
    const store = createSecretStore({ kv: cacheKv(cache), protection: { cipher: null, weakness: null }, warn })
    await store.set('session.token', 'a')
    await store.set('session.token', 'b')
    expect(await store.get('session.token')).toBe('b')
    expect(cacheKv(cache).get('secret:session.token')).toBeNull()
    expect(store.protection()).toEqual({ persistent: false, reason: expect.stringContaining('only until you quit') })
    expect(warn).toHaveBeenCalledTimes(1)
  })

  it("writes nothing on Linux 'basic_text' (a hard-coded key), not even sealed", async () => {
    const warn = vi.fn()
    const file = path.join(tempDir(), 'cache.db')
    const cache = cacheAt(file)
    const store = createSecretStore({ kv: cacheKv(cache), protection: { cipher: xorCipher, weakness: "no Linux keyring (safeStorage backend 'basic_text')" }, warn })
    await store.set('session.token', 'tok-secret')
    expect(await store.get('session.token')).toBe('tok-secret')
    cache.close()
    const bytes = fs.readdirSync(path.dirname(file)).map((f) => fs.readFileSync(path.join(path.dirname(file), f)).toString('latin1')).join('')
    expect(bytes).not.toContain('secret:session.token')
    expect(bytes).not.toContain('tok-secret')
    expect(store.protection()).toMatchObject({ persistent: false, reason: expect.stringContaining('basic_text') })
    expect(warn.mock.calls).toEqual([[expect.stringContaining('basic_text')]])
  })

  it('erases a weakly written secret of an older version from disk, keeping it for the session', async () => {
    const cache = cacheAt()
    cacheKv(cache).set('secret:session.token', `plain:${Buffer.from('old-token').toString('base64')}`)
    const store = createSecretStore({ kv: cacheKv(cache), protection: { cipher: xorCipher, weakness: 'basic_text' }, warn: () => {} })
    expect(await store.get('session.token')).toBe('old-token')
    expect(cacheKv(cache).get('secret:session.token')).toBeNull()
    expect(await store.get('session.token')).toBe('old-token')
  })

  it('forgets a session-only secret set to null', async () => {
    const store = createSecretStore({ kv: cacheKv(cacheAt()), protection: { cipher: null, weakness: null }, warn: () => {} })
    await store.set('k', 'v')
    await store.set('k', null)
    expect(await store.get('k')).toBeNull()
  })

  it('says secrets are kept when the OS protects them', () => {
    expect(createSecretStore({ kv: cacheKv(cacheAt()), protection: strong }).protection()).toEqual({ persistent: true, reason: null })
  })

  it('does not warn when the OS protects the secrets', async () => {
    const warn = vi.fn()
    await createSecretStore({ kv: cacheKv(cacheAt()), protection: strong, warn }).set('session.token', 'a')
    expect(warn).not.toHaveBeenCalled()
  })

  it('reads secrets an older version stored before the keychain became available', async () => {
    const cache = cacheAt()
    cacheKv(cache).set('secret:k', `plain:${Buffer.from('plain-secret').toString('base64')}`)
    expect(await createSecretStore({ kv: cacheKv(cache), protection: strong }).get('k')).toBe('plain-secret')
  })

  it('seals a secret an older version stored in plain, once a keychain is there to read it', async () => {
    const cache = cacheAt()
    cacheKv(cache).set('secret:k', `plain:${Buffer.from('plain-secret').toString('base64')}`)
    expect(await createSecretStore({ kv: cacheKv(cache), protection: strong }).get('k')).toBe('plain-secret')
    const stored = cacheKv(cache).get('secret:k') ?? ''
    expect(stored.startsWith('os:')).toBe(true)
    expect(stored).not.toContain(Buffer.from('plain-secret').toString('base64'))
    expect(await createSecretStore({ kv: cacheKv(cache), protection: strong }).get('k')).toBe('plain-secret')
  })

  it('keeps a secret for the session when the keychain refuses to seal it, and says so, rather than fail the sign-in', async () => {
    const cache = cacheAt()
    const refusing: Cipher = { encrypt: async () => Promise.reject(new Error('user denied access')), decrypt: xorCipher.decrypt }
    const warn = vi.fn()
    const store = createSecretStore({ kv: cacheKv(cache), protection: { cipher: refusing, weakness: null }, warn })
    expect(store.protection().persistent).toBe(true)
    await store.set('session', 'tok-1')
    expect(await store.get('session')).toBe('tok-1')
    expect(cacheKv(cache).get('secret:session')).toBeNull()
    expect(store.protection()).toEqual({ persistent: false, reason: expect.stringContaining('user denied access') })
    expect(warn).toHaveBeenCalledOnce()
  })

  it('answers null, not a throw, when the keychain can no longer decrypt', async () => {
    const cache = cacheAt()
    await createSecretStore({ kv: cacheKv(cache), protection: strong }).set('k', 'v')
    const broken: Cipher = { encrypt: xorCipher.encrypt, decrypt: async () => Promise.reject(new Error('key rotated away')) }
    expect(await createSecretStore({ kv: cacheKv(cache), protection: { cipher: broken, weakness: null } }).get('k')).toBeNull()
  })

  it('answers null for a sealed secret when the keychain has gone', async () => {
    const cache = cacheAt()
    await createSecretStore({ kv: cacheKv(cache), protection: strong }).set('k', 'v')
    const store = createSecretStore({ kv: cacheKv(cache), protection: { cipher: null, weakness: null }, warn: () => {} })
    expect(await store.get('k')).toBeNull()
  })
})
