/**
 * Secrets (the session token) kept in a small owner-only file beside the cache (never in the
 * SQLite cache, which may be moved aside or wiped), sealed by the OS keychain. Without a real
 * keychain (no encryption at all, or Linux's 'basic_text', a key hard-coded in Chromium) nothing
 * is written: the secret lives in memory for this session only, and `protection()` says why so
 * the renderer can tell the member they will sign in again next time. Secrets an older version
 * wrote weakly are read once into memory and erased from disk.
 */
import { Buffer } from 'node:buffer'
import type { CredentialProtection } from '../../protocol/desktop-ipc.ts'

export interface SecretStore {
  get(key: string): Promise<string | null>
  /** `null` forgets the key. */
  set(key: string, value: string | null): Promise<void>
  /** Whether secrets outlive this session, and if not, why. */
  protection(): CredentialProtection
}

/** Encryption by the OS keychain; main/electron/credentials.ts adapts Electron's safeStorage. */
export interface Cipher {
  encrypt(plain: string): Promise<Uint8Array>
  decrypt(sealed: Uint8Array): Promise<string>
}

export interface Protection {
  /** null when the OS offers no encryption at all. */
  cipher: Cipher | null
  /** Why the protection is weak (Linux 'basic_text' is a hard-coded key), or null when it is not. */
  weakness: string | null
}

/** Where sealed values live; `cacheKv()` in main/cache/queries.ts (the credentials file beside the cache) is the real one. */
export interface KvStore {
  get(key: string): string | null
  set(key: string, value: string | null): void
}

export interface SecretStoreDeps {
  kv: KvStore
  protection: Protection
  warn?(message: string): void
}

const prefix = 'secret:'
// Stored values say how they were sealed. 'plain:' is only ever read: older versions wrote it without a keychain.
const sealedTag = 'os:'
const plainTag = 'plain:'

/** What a machine without a real keychain tells the member; null when secrets can be kept. */
export function credentialProtection(protection: Protection): CredentialProtection {
  const weakness = protection.cipher ? protection.weakness : (protection.weakness ?? 'no OS encryption available')
  if (weakness === null) return { persistent: true, reason: null }
  return { persistent: false, reason: `Your sign-in is kept only until you quit: this computer offers no keyring to protect it (${weakness})` }
}

export function createSecretStore({ kv, protection, warn = console.warn }: SecretStoreDeps): SecretStore {
  const { cipher } = protection
  let policy = credentialProtection(protection)
  const memory = new Map<string, string>()
  let warned = false
  const warnOnce = (): void => {
    if (policy.persistent || warned) return
    warned = true
    warn(`credentials are kept in memory only, never written: ${policy.reason}`)
  }
  const readStored = async (stored: string): Promise<string | null> => {
    if (stored.startsWith(plainTag)) return Buffer.from(stored.slice(plainTag.length), 'base64').toString('utf8')
    if (!stored.startsWith(sealedTag) || !cipher) return null
    try {
      return await cipher.decrypt(Buffer.from(stored.slice(sealedTag.length), 'base64'))
    } catch {
      // The keychain changed (new machine, reset keyring): the secret is gone, sign in again.
      return null
    }
  }

  /**
   * Seals `value` into the file; when the keychain refuses (a denied prompt, a locked keyring), the
   * secret is kept for this session instead, and protection() says so from then on: a sign-in
   * that the keychain would not keep still signs in.
   */
  const seal = async (key: string, value: string): Promise<void> => {
    try {
      kv.set(prefix + key, sealedTag + Buffer.from(await cipher!.encrypt(value)).toString('base64'))
    } catch (err) {
      kv.set(prefix + key, null)
      memory.set(key, value)
      policy = { persistent: false, reason: `Your sign-in is kept only until you quit: the keyring would not protect it (${(err as Error).message})` }
      warnOnce()
    }
  }

  return {
    async get(key) {
      if (memory.has(key)) return memory.get(key) ?? null
      const stored = kv.get(prefix + key)
      if (stored === null) return null
      const value = await readStored(stored)
      if (!policy.persistent) {
        // Written weakly by an older version: keep it for this session, and off the disk.
        kv.set(prefix + key, null)
        if (value !== null) memory.set(key, value)
      } else if (value !== null && stored.startsWith(plainTag)) {
        // Written in plain by an older version, and a keychain is here now: sealed from now on.
        await seal(key, value)
      }
      return value
    },
    async set(key, value) {
      memory.delete(key)
      if (value === null) return kv.set(prefix + key, null)
      if (!policy.persistent || !cipher) {
        warnOnce()
        memory.set(key, value)
        return kv.set(prefix + key, null)
      }
      await seal(key, value)
    },
    protection: () => policy,
  }
}
