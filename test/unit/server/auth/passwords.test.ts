/** scrypt password hashes: round trip, refusals, and a stored format that carries its own parameters. */
import { describe, expect, it } from 'vitest'
import { hashPassword, verifyPassword } from '../../../../server/auth/passwords.ts'

describe('password hashing', () => {
  it('verifies the password it hashed and refuses any other', async () => {
    const stored = await hashPassword('correct horse battery staple')
    expect(await verifyPassword('correct horse battery staple', stored)).toBe(true)
    expect(await verifyPassword('correct horse battery stapler', stored)).toBe(false)
    expect(await verifyPassword('Correct horse battery staple', stored)).toBe(false)
    expect(await verifyPassword('', stored)).toBe(false)
  })

  it('stores scrypt$N$r$p$salt$hash with a fresh 128-bit salt and a 256-bit key', async () => {
    const stored = await hashPassword('same password')
    const [scheme, n, r, p, salt, hash, ...rest] = stored.split('$')
    expect(scheme).toBe('scrypt')
    expect(Number(n)).toBeGreaterThanOrEqual(16_384)
    expect(Number(r)).toBeGreaterThanOrEqual(8)
    expect(Number(p)).toBeGreaterThanOrEqual(1)
    expect(Buffer.from(salt!, 'base64url')).toHaveLength(16)
    expect(Buffer.from(hash!, 'base64url')).toHaveLength(32)
    expect(rest).toEqual([])
    expect(stored).not.toContain('same password')
  })

  it('salts per hash: the same password never gives the same stored value', async () => {
    const [a, b] = await Promise.all([hashPassword('same password'), hashPassword('same password')])
    expect(a).not.toBe(b)
    expect(a.split('$')[4]).not.toBe(b.split('$')[4])
    expect(await verifyPassword('same password', a)).toBe(true)
    expect(await verifyPassword('same password', b)).toBe(true)
  })

  it('treats canonically equal Unicode spellings as one password', async () => {
    const stored = await hashPassword('caf\u00e9-password')
    expect(await verifyPassword('cafe\u0301-password', stored)).toBe(true)
  })

  it.each([
    ['an empty string', ''],
    ['another scheme', 'bcrypt$2b$10$abcdefghijklmnopqrstuv'],
    ['a hash with no salt', 'scrypt$16384$8$1$$abc'],
    ['plain text', 'hunter22-password'],
  ])('refuses to match against %s', async (_what, stored) => {
    expect(await verifyPassword('hunter22-password', stored)).toBe(false)
  })
})
