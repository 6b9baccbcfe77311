/**
 * One SQLite connection's shared helpers for the store modules: prepared statements kept per
 * connection, write transactions that take the lock first, hot reads remembered until the
 * database changes, and parsed floor documents by version.
 */
import type Database from 'better-sqlite3'
import type { Floor } from '../../../protocol/floor/records.ts'

export interface Connection {
  db: Database.Database
  /** The prepared statement for `text`, prepared once per connection. */
  sql(text: string): Database.Statement
  /** Runs `fn` as one BEGIN IMMEDIATE transaction. */
  write<T>(fn: () => T): T
  /** `read()`'s result, remembered (frozen) until this or another connection changes the database. */
  remembered<T>(key: string, read: () => T): T
  /** The floor as the database holds it now, or null. */
  floor(workspaceId: string, floorId: string): Floor | null
  /** The floor's document at `version`, which the caller has just read from the database. */
  floorAt(workspaceId: string, floorId: string, version: number): Floor
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value)
    for (const v of Object.values(value)) deepFreeze(v)
  }
  return value
}

export function connect(db: Database.Database): Connection {
  /**
   * Every read-then-write runs as BEGIN IMMEDIATE: it takes the write lock before its first read, so
   * a second connection on the same file (another server instance) waits on busy_timeout instead of
   * failing with SQLITE_BUSY when its deferred read snapshot turns stale.
   */
  const write = <T>(fn: () => T): T => db.transaction(fn).immediate()

  // Preparing a statement costs more than running it on the hot paths (every request authenticates),
  // so each distinct statement is prepared once per connection. A statement that writes forgets
  // the remembered reads below when it runs.
  const statements = new Map<string, Database.Statement>()
  const sql = (text: string): Database.Statement => {
    let statement = statements.get(text)
    if (!statement) {
      statement = db.prepare(text)
      if (!statement.reader) {
        const run = statement.run.bind(statement)
        statement.run = (...params: unknown[]) => {
          const result = run(...params)
          memo.clear()
          return result
        }
      }
      statements.set(text, statement)
    }
    return statement
  }

  /**
   * Results of the hot reads (every authenticated request, every token) kept until the database
   * changes. This connection's own writes clear them (see `sql`); another connection's commit
   * (another server instance) moves `data_version`, which is looked at when a remembered result is
   * older than 1 ms. The reads this saves cost 10-50 µs each under load.
   */
  const dataVersion = db.prepare('pragma data_version').pluck()
  const memo = new Map<string, unknown>()
  let memoVersion: unknown = null
  let checkedAt = -Infinity
  const remembered = <T>(key: string, read: () => T): T => {
    const now = performance.now()
    if (now - checkedAt > 1 || memo.size > 20_000) {
      checkedAt = now
      const version = dataVersion.get()
      if (version !== memoVersion || memo.size > 20_000) {
        memo.clear()
        memoVersion = version
      }
    }
    if (memo.has(key)) return memo.get(key) as T
    const value = deepFreeze(read())
    memo.set(key, value)
    return value
  }

  // Parsed floor documents by workspace/floor, valid for exactly one version: every read checks the
  // version in the database first, so this never answers with anything the database does not hold.
  // Frozen, because the same object is handed to every caller until the next edit.
  const parsed = new Map<string, { version: number; floor: Floor }>()
  const floorAt = (workspaceId: string, floorId: string, version: number): Floor => {
    const key = `${workspaceId}/${floorId}`
    const hit = parsed.get(key)
    if (hit && hit.version === version) return hit.floor
    const row = sql('select doc from floors where workspace_id = ? and id = ?').get(workspaceId, floorId) as { doc: string }
    const floor = deepFreeze(JSON.parse(row.doc) as Floor)
    parsed.set(key, { version, floor })
    return floor
  }
  const floor = (workspaceId: string, floorId: string): Floor | null => {
    const row = sql('select version from floors where workspace_id = ? and id = ?').get(workspaceId, floorId) as { version: number } | undefined
    return row ? floorAt(workspaceId, floorId, row.version) : null
  }

  return { db, sql, write, remembered, floor, floorAt }
}
