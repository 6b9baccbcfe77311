/**
 * safeStorage as the secret store's Cipher. On Linux without a keyring, Chromium falls back to
 * 'basic_text' (a hard-coded key): reported as a weakness, so the store keeps secrets in memory only.
 */
import { Buffer } from 'node:buffer'
import { safeStorage } from 'electron'
import type { Protection } from '../credentials/secret-store.ts'

/** Call after `ready`: safeStorage cannot answer before. */
export async function safeStorageProtection(): Promise<Protection> {
  if (!(await safeStorage.isAsyncEncryptionAvailable())) {
    return { cipher: null, weakness: 'safeStorage encryption is unavailable' }
  }
  const backend = process.platform === 'linux' ? safeStorage.getSelectedStorageBackend() : null
  return {
    cipher: {
      encrypt: (plain) => safeStorage.encryptStringAsync(plain),
      // shouldReEncrypt is not acted on: the session token is rewritten at each sign-in anyway.
      decrypt: async (sealed) => (await safeStorage.decryptStringAsync(Buffer.from(sealed))).result,
    },
    weakness: backend === 'basic_text' ? "no Linux keyring (safeStorage backend 'basic_text')" : null,
  }
}
