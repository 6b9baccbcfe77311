/**
 * scrypt password hashes: round trip, refusals, a stored format that carries its own parameters,
 * today's cost (N = 2^17) and when a stored hash is due for a rehash. The behaviour tests hash at a
 * low cost (LOW) to stay fast; the cost itself is checked once, at the real default.
 */
import { describe, expect, it } from 'vitest'
import { PASSWORD_COST, hashPassword, needsRehash, verifyPassword } from '../../../../server/auth/passwords.ts'

const LOW = 10
const cheapHash = (password: string) => hashPassword(password, LOW)

describe('password hashing', () => {
  it('hashes at N = 2^17, r = 8 by default (OWASP), within memory limits scrypt allows', async () => {
    expect(PASSWORD_COST).toBeGreaterThanOrEqual(17)
    const stored = await hashPassword('correct horse battery staple')
    expect(stored.split('$').slice(0, 4)).toEqual(['scrypt', String(2 ** 17), '8', '1'])
    expect(await verifyPassword('correct horse battery staple', stored)).toBe(true)
  }, 60_000)

  it('verifies the password it hashed and refuses any other', async () => {
    const stored = await cheapHash('correct horse battery staple')
    expect(await verifyPassword('correct horse battery staple', stored)).toBe(true)
    expect(await verifyPassword('correct horse battery stapler', stored)).toBe(false)
    expect(await verifyPassword('Correct horse battery staple', stored)).toBe(false)
    expect(await verifyPassword('', stored)).toBe(false)
  })

  it('stores scrypt$N$r$p$salt$hash with a fresh 128-bit salt and a 256-bit key', async () => {
    const stored = await cheapHash('same password')
    const [scheme, n, r, p, salt, hash, ...rest] = stored.split('$')
    expect(scheme).toBe('scrypt')
    expect(Number(n)).toBe(2 ** LOW)
    expect(Number(r)).toBeGreaterThanOrEqual(8)
    expect(Number(p)).toBeGreaterThanOrEqual(1)
    expect(Buffer.from(salt!, 'base64url')).toHaveLength(16)
    expect(Buffer.from(hash!, 'base64url')).toHaveLength(32)
    expect(rest).toEqual([])
    expect(stored).not.toContain('same password')
  })

  it('salts per hash: the same password never gives the same stored value', async () => {
    const [a, b] = await Promise.all([cheapHash('same password'), cheapHash('same password')])
    expect(a).not.toBe(b)
    expect(a.split('$')[4]).not.toBe(b.split('$')[4])
    expect(await verifyPassword('same password', a)).toBe(true)
    expect(await verifyPassword('same password', b)).toBe(true)
  })

  it('treats canonically equal Unicode spellings as one password', async () => {
    const stored = await cheapHash('caf\u00e9-password')
    expect(await verifyPassword('cafe\u0301-password', stored)).toBe(true)
  })

  it.each([
    ['an empty string', ''],
    ['another scheme', 'bcrypt$2b$10$abcdefghijklmnopqrstuv'],
    ['a hash with no salt', 'scrypt$16384$8$1$$abc'],
    ['plain text', 'hunter22-password'],
    // A damaged row must not make the server allocate 128 GiB (or throw): it simply does not match.
    ['a hash asking for N = 2^30', `scrypt$${2 ** 30}$8$1$c2FsdHNhbHRzYWx0c2FsdA$abc`],
    ['a hash with a fractional N', 'scrypt$1024.5$8$1$c2FsdHNhbHRzYWx0c2FsdA$abc'],
  ])('refuses to match against %s', async (_what, stored) => {
    expect(await verifyPassword('hunter22-password', stored)).toBe(false)
  })

  it('asks for a rehash of a hash cheaper than the cost asked, and of nothing else', async () => {
    const cheap = await hashPassword('some password', LOW)
    expect(needsRehash(cheap, LOW + 1)).toBe(true)
    expect(needsRehash(cheap, LOW)).toBe(false)
    // Today's stored hashes (N = 2^14) are due for one at the default cost.
    expect(needsRehash(`scrypt$16384$8$1$${cheap.split('$').slice(4).join('$')}`)).toBe(true)
  })
})
