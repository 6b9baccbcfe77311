/** Random secrets (sessions, invite codes) and the ids of records. Only hashes of secrets are stored. */
import { createHash, randomBytes } from 'node:crypto'

/** 256-bit random token, base64url. */
export const newSecret = (): string => randomBytes(32).toString('base64url')

export const hashSecret = (secret: string): string => createHash('sha256').update(secret).digest('base64url')

const alphabet = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789'

/** A short random id with a type prefix, e.g. `ws_3kZ9qP0aB2cD`. */
export function newId(prefix: string, length = 12): string {
  const bytes = randomBytes(length)
  let out = ''
  for (const b of bytes) out += alphabet[b % alphabet.length]
  return `${prefix}_${out}`
}
