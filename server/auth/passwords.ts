/**
 * Password hashing with scrypt from node:crypto and a per-password random salt. Each hash names its
 * own parameters, so raising the cost needs no migration: a sign-in that finds an older, cheaper
 * hash stores a new one (needsRehash).
 *
 * The cost is N = 2^17, r = 8, p = 1 (OWASP's scrypt figure): 128 MiB and a few hundred ms per
 * hash. Hashes run at most HASHING_AT_ONCE at a time, which caps their memory (and leaves libuv's
 * other threads to files and DNS) however many sign-ins arrive together.
 */
import { randomBytes, scrypt, timingSafeEqual } from 'node:crypto'

/** log2 of scrypt's N for new hashes. Only tests set a lower one (AppOptions.passwordCost), to stay fast. */
export const PASSWORD_COST = 17
const R = 8
const P = 1
const KEYLEN = 32
/** A stored hash asking for more memory is not ours (a damaged row): refuse it rather than allocate it. */
const MAX_MEMORY = 2 ** 30
const HASHING_AT_ONCE = 2

let running = 0
const waiting: (() => void)[] = []
async function oneAtATime<T>(work: () => Promise<T>): Promise<T> {
  if (running >= HASHING_AT_ONCE) await new Promise<void>((resolve) => waiting.push(resolve))
  running++
  try {
    return await work()
  } finally {
    running--
    waiting.shift()?.()
  }
}

const derive = (password: string, salt: Buffer, N: number, r: number, p: number, keylen: number) =>
  oneAtATime(
    () =>
      new Promise<Buffer>((resolve, reject) =>
        // scrypt needs 128·N·r bytes; maxmem allows exactly that plus headroom, and no more.
        scrypt(password.normalize('NFKC'), salt, keylen, { N, r, p, maxmem: 129 * N * r + 1024 * 1024 }, (err, key) => (err ? reject(err) : resolve(key))),
      ),
  )

/** Returns `scrypt$N$r$p$salt$hash` (base64url). `cost` is log2 N. */
export async function hashPassword(password: string, cost = PASSWORD_COST): Promise<string> {
  const salt = randomBytes(16)
  const N = 2 ** cost
  const key = await derive(password, salt, N, R, P, KEYLEN)
  return ['scrypt', N, R, P, salt.toString('base64url'), key.toString('base64url')].join('$')
}

/** A stored hash's parts, or null for one that is not a scrypt hash we could have made. */
const parse = (stored: string) => {
  const [scheme, ...fields] = stored.split('$')
  const [N, r, p] = fields.slice(0, 3).map(Number) as [number, number, number]
  const [salt, hash] = fields.slice(3)
  const sane = [N, r, p].every((v) => Number.isInteger(v) && v >= 1) && N > 1 && 128 * N * r <= MAX_MEMORY && p <= 16
  return scheme === 'scrypt' && salt && hash && fields.length === 5 && sane ? { N, r, p, salt: Buffer.from(salt, 'base64url'), hash: Buffer.from(hash, 'base64url') } : null
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const h = parse(stored)
  if (!h) return false
  const key = await derive(password, h.salt, h.N, h.r, h.p, h.hash.length)
  return key.length === h.hash.length && timingSafeEqual(key, h.hash)
}

/** Whether a hash that just verified is cheaper than `cost` asks, and should be replaced. */
export function needsRehash(stored: string, cost = PASSWORD_COST): boolean {
  const h = parse(stored)
  return !h || h.N < 2 ** cost || h.r < R
}

const decoys = new Map<number, Promise<string>>()
/** A hash at `cost` to verify against when the email is unknown, so both failures cost the same time. */
export function decoyHash(cost = PASSWORD_COST): Promise<string> {
  let decoy = decoys.get(cost)
  if (!decoy) decoys.set(cost, (decoy = hashPassword('decoy-password-never-matches', cost)))
  return decoy
}
