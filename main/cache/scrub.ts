/**
 * Keeping credentials and signed-out data out of the cache file's bytes. Deleting a row leaves
 * its bytes in free pages and in the WAL until SQLite happens to reuse them, so "deleted" is not
 * "gone": wipes rebuild the file. Caches written before secrets moved to their own file
 * (secrets-file.ts) still hold them; they are moved out at open, and scrubbed from a corrupt file
 * before it is moved aside.
 */
import fs from 'node:fs'
import type Database from 'better-sqlite3'
import type { KvStore } from '../credentials/secret-store.ts'

const secretKeys = "key GLOB 'secret:*'"

/**
 * Rewrites the database without its free pages, then copies the WAL into it and truncates the
 * WAL to zero bytes, so nothing deleted before this call is left in either file.
 */
export function wipeFreedPages(db: Database.Database): void {
  db.exec('VACUUM')
  db.pragma('wal_checkpoint(TRUNCATE)')
}

/**
 * Moves secrets that an older app kept in the kv table into `secrets` (unless it already holds
 * a newer value), then wipes them from the file. Returns how many were found.
 */
export function evictSecrets(db: Database.Database, secrets: KvStore): number {
  const rows = db.prepare(`SELECT key, value FROM kv WHERE ${secretKeys}`).all() as { key: string; value: string }[]
  if (rows.length === 0) return 0
  for (const { key, value } of rows) if (secrets.get(key) === null) secrets.set(key, value)
  db.prepare(`DELETE FROM kv WHERE ${secretKeys}`).run()
  wipeFreedPages(db)
  return rows.length
}

/**
 * How the secret store writes a value (`os:` + base64 of the sealed bytes, or `plain:` + base64).
 * Matched on the raw bytes, because a corrupt file cannot be trusted to answer a DELETE.
 */
const storedSecret = /(?:os|plain):[A-Za-z0-9+/]{16,}={0,2}/g

/**
 * Overwrites with zeros every stored secret value found in `file` and its WAL, in place. For a
 * file about to be moved aside as corrupt: the copy is kept to look at, never to sign in with.
 */
export function scrubSecretBytes(file: string): number {
  let found = 0
  for (const name of [file, `${file}-wal`]) {
    if (!fs.existsSync(name)) continue
    const bytes = fs.readFileSync(name)
    // latin1 maps each byte to one char, so match offsets are byte offsets.
    const matches = [...bytes.toString('latin1').matchAll(storedSecret)]
    if (matches.length === 0) continue
    for (const m of matches) bytes.fill(0, m.index, m.index + m[0].length)
    fs.writeFileSync(name, bytes)
    found += matches.length
  }
  return found
}
