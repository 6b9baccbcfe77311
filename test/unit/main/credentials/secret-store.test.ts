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

  it('still stores secrets without OS encryption, warning once', async () => {
    const warn = vi.fn()
    const store = createSecretStore({ kv: cacheKv(cacheAt()), protection: { cipher: null, weakness: null }, warn })
    await store.set('session.token', 'a')
    await store.set('session.token', 'b')
    expect(await store.get('session.token')).toBe('b')
    expect(warn).toHaveBeenCalledTimes(1)
  })

  it("warns once on Linux 'basic_text' but keeps using the cipher", async () => {
    const warn = vi.fn()
    const cache = cacheAt()
    const store = createSecretStore({ kv: cacheKv(cache), protection: { cipher: xorCipher, weakness: 'basic_text' }, warn })
    await store.set('session.token', 'a')
    await store.set('other', 'b')
    expect(warn.mock.calls).toEqual([[expect.stringContaining('basic_text')]])
    expect(cacheKv(cache).get('secret:session.token')).toMatch(/^os:/)
  })

  it('does not warn when the OS protects the secrets', async () => {
    const warn = vi.fn()
    await createSecretStore({ kv: cacheKv(cacheAt()), protection: strong, warn }).set('session.token', 'a')
    expect(warn).not.toHaveBeenCalled()
  })

  it('reads secrets stored before the keychain became available', async () => {
    const cache = cacheAt()
    await createSecretStore({ kv: cacheKv(cache), protection: { cipher: null, weakness: null }, warn: () => {} }).set('k', 'plain-secret')
    expect(await createSecretStore({ kv: cacheKv(cache), protection: strong }).get('k')).toBe('plain-secret')
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
