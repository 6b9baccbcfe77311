/**
 * Secrets (the session token) kept in a small owner-only file beside the cache (never in the
 * SQLite cache, which may be moved aside or wiped), sealed by the OS keychain when it can. Without
 * a usable keychain we still store them, weakly, and warn once: like Roam or Slack, staying signed
 * in beats asking for the password at every start. Losing the file only costs a new sign-in.
 */
import { Buffer } from 'node:buffer'

export interface SecretStore {
  get(key: string): Promise<string | null>
  /** `null` forgets the key. */
  set(key: string, value: string | null): Promise<void>
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
// Stored values say how they were sealed, so a machine that gains or loses a keychain still reads old ones.
const sealedTag = 'os:'
const plainTag = 'plain:'

export function createSecretStore({ kv, protection, warn = console.warn }: SecretStoreDeps): SecretStore {
  const { cipher } = protection
  const weakness = cipher ? protection.weakness : (protection.weakness ?? 'no OS encryption available')
  let warned = false
  const warnOnce = (): void => {
    if (weakness === null || warned) return
    warned = true
    warn(`credentials are stored without strong protection (${weakness}); anyone who can read this profile can read them`)
  }

  return {
    async get(key) {
      const stored = kv.get(prefix + key)
      if (stored === null) return null
      if (stored.startsWith(plainTag)) return Buffer.from(stored.slice(plainTag.length), 'base64').toString('utf8')
      if (!stored.startsWith(sealedTag) || !cipher) return null
      try {
        return await cipher.decrypt(Buffer.from(stored.slice(sealedTag.length), 'base64'))
      } catch {
        // The keychain changed (new machine, reset keyring): the secret is gone, sign in again.
        return null
      }
    },
    async set(key, value) {
      if (value === null) return kv.set(prefix + key, null)
      warnOnce()
      const stored = cipher
        ? sealedTag + Buffer.from(await cipher.encrypt(value)).toString('base64')
        : plainTag + Buffer.from(value, 'utf8').toString('base64')
      kv.set(prefix + key, stored)
    },
  }
}
