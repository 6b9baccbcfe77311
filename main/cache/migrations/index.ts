/**
 * Cache schema versions, applied by `PRAGMA user_version` as Signal does: each step runs in its
 * own transaction together with the version bump, so a crash leaves the file at a whole version.
 * Versions go up in steps of 10 so a fix can slot in between two released steps.
 */
import type { Database } from 'better-sqlite3'
import { migration0010 } from './0010-initial.ts'
import { migration0020 } from './0020-chat.ts'

export interface Migration {
  readonly version: number
  update(db: Database): void
}

export const migrations: readonly Migration[] = [migration0010, migration0020]

/** Thrown when the file was written by a newer app; the caller decides what to do with it. */
export class FutureVersionError extends Error {
  readonly found: number
  readonly known: number
  constructor(found: number, known: number) {
    super(`cache user_version ${found} is newer than this app knows (${known})`)
    this.name = 'FutureVersionError'
    this.found = found
    this.known = known
  }
}

export function assertIncreasing(list: readonly Migration[]): void {
  list.forEach((m, i) => {
    const prev = list[i - 1]
    if (!Number.isInteger(m.version) || m.version <= 0 || (prev !== undefined && m.version <= prev.version)) {
      throw new Error(`migration versions must be positive and strictly increasing; ${m.version} at index ${i}`)
    }
  })
}

export const latestVersion = (list: readonly Migration[] = migrations): number => list.at(-1)?.version ?? 0

export const userVersion = (db: Database): number => db.pragma('user_version', { simple: true }) as number

/**
 * Brings `db` up to `target` (default: the newest known version) and returns the versions it
 * went from and to. Throws `FutureVersionError` if the file is already past everything we know.
 */
export function migrate(
  db: Database,
  list: readonly Migration[] = migrations,
  target: number = latestVersion(list),
): { from: number; to: number } {
  assertIncreasing(list)
  const from = userVersion(db)
  if (from > latestVersion(list)) throw new FutureVersionError(from, latestVersion(list))
  for (const m of list) {
    if (m.version <= from || m.version > target) continue
    db.transaction(() => {
      m.update(db)
      // pragma takes no bound parameters; the value is an integer checked by assertIncreasing.
      db.pragma(`user_version = ${m.version}`)
    })()
  }
  return { from, to: userVersion(db) }
}
