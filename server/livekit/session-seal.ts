/**
 * Which session a LiveKit token was issued to, sealed into the token's attributes so that the join
 * webhook can tell whether that session still lives. A token outlives its session (sign-out, sign
 * out everywhere, a password change) by up to its TTL, and LiveKit hands a connected participant
 * fresh copies; without this, a device signed out could rejoin with the tokens it held.
 *
 * The session is named by its stored hash, sealed with AES-256-GCM under a key derived from the
 * LiveKit API secret (every server instance shares it): others in the room see the attribute but
 * can neither read it nor make one. A lobby participant may rewrite its own attributes (the grant
 * allows it): removing the seal counts as no session, but one copied from the same member's lobby
 * participant seen earlier passes. Known limit: a workspace member who stole a colleague's session
 * and watched the lobby while that colleague was in it can keep a lobby connection as them until
 * the colleague's own session ends. Room tokens cannot rewrite their attributes.
 */
import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto'

/** The attribute of every lobby and room token that carries the sealed session. */
export const SESSION_ATTRIBUTE = 'office.session'

const IV_BYTES = 12
const TAG_BYTES = 16
/** A sealed session hash is well under this; anything longer is not one. */
const MAX_SEALED_CHARS = 256

const keyOf = (apiSecret: string) => createHash('sha256').update(`office session seal\0${apiSecret}`).digest()

export function sealSession(apiSecret: string, tokenHash: string): string {
  const iv = randomBytes(IV_BYTES)
  const cipher = createCipheriv('aes-256-gcm', keyOf(apiSecret), iv)
  const sealed = Buffer.concat([cipher.update(tokenHash, 'utf8'), cipher.final()])
  return Buffer.concat([iv, cipher.getAuthTag(), sealed]).toString('base64url')
}

/** The session hash sealed in `value`, or null when there is none or it was not sealed with this secret. */
export function openSession(apiSecret: string, value: string | undefined): string | null {
  if (!value || value.length > MAX_SEALED_CHARS) return null
  const bytes = Buffer.from(value, 'base64url')
  if (bytes.length <= IV_BYTES + TAG_BYTES) return null
  try {
    const decipher = createDecipheriv('aes-256-gcm', keyOf(apiSecret), bytes.subarray(0, IV_BYTES))
    decipher.setAuthTag(bytes.subarray(IV_BYTES, IV_BYTES + TAG_BYTES))
    return Buffer.concat([decipher.update(bytes.subarray(IV_BYTES + TAG_BYTES)), decipher.final()]).toString('utf8')
  } catch {
    return null
  }
}
