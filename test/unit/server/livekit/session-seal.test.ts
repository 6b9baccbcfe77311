/**
 * The session sealed into LiveKit tokens: it opens with the secret it was sealed with and nothing
 * else, and anything altered, foreign, truncated or oversized opens to no session.
 */
import { describe, expect, it } from 'vitest'
import { openSession, sealSession } from '../../../../server/livekit/session-seal.ts'

const SECRET = 'a-livekit-api-secret-of-enough-length-1234'
const HASH = 'n4bQgYhMfWWaL-qgxVrQFaO_TxsrC4Is0V1sFbDwCgg'

describe('the sealed session', () => {
  it('opens to the session it sealed, and never reads the same twice', () => {
    const sealed = sealSession(SECRET, HASH)
    expect(openSession(SECRET, sealed)).toBe(HASH)
    expect(sealSession(SECRET, HASH)).not.toBe(sealed)
    expect(sealed).not.toContain(HASH)
  })

  it('opens to nothing when altered, sealed with another secret, truncated, oversized or missing', () => {
    const sealed = sealSession(SECRET, HASH)
    const bytes = Buffer.from(sealed, 'base64url')
    bytes[bytes.length - 1]! ^= 1
    expect(openSession(SECRET, bytes.toString('base64url'))).toBeNull()
    expect(openSession('another-secret-entirely-of-enough-length', sealed)).toBeNull()
    expect(openSession(SECRET, sealed.slice(0, 20))).toBeNull()
    expect(openSession(SECRET, 'A'.repeat(300))).toBeNull()
    expect(openSession(SECRET, '')).toBeNull()
    expect(openSession(SECRET, undefined)).toBeNull()
  })
})
