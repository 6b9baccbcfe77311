/**
 * Opens the local cache: pragmas, an integrity check, migrations. A file that is garbage,
 * damaged or from a newer app is moved aside and rebuilt empty, because everything in it can be
 * fetched again from the server; the app must start, never crash on its own cache.
 */
import Database from 'better-sqlite3'
import { migrate } from './migrations/index.ts'
import { QuickCheckError, corruptionReason, moveAside } from './recover.ts'
import { evictSecrets, scrubSecretBytes } from './scrub.ts'
import { openSecretsFile, secretsFileFor } from './secrets-file.ts'

export interface Cache {
  readonly db: Database.Database
  readonly file: string
  /** Milliseconds since the epoch; injected so tests can pin `savedAt`. */
  now(): number
  /** Idempotent. Runs `pragma optimize` first, as SQLite recommends before closing. */
  close(): void
}

export interface RecoveryInfo {
  movedTo: string
  reason: string
}

export interface OpenCacheOptions {
  onRecovered?(info: RecoveryInfo): void
  /**
   * The file could not be used at all (locked by another process, read-only, a full disk, a folder
   * that cannot be written): the cache lives in memory for this run, and this says why.
   */
  onUnavailable?(reason: string): void
  now?(): number
  /** How long a statement waits on a lock before SQLITE_BUSY (better-sqlite3 default 5000 ms). */
  busyTimeoutMs?: number
}

export function openCache(file: string, opts: OpenCacheOptions = {}): Cache {
  const now = opts.now ?? Date.now
  try {
    return openOnce(file, opts, now)
  } catch (err) {
    const reason = corruptionReason(err)
    if (reason === null) return inMemory(file, err, opts, now)
    try {
      // The copy is kept to look at; a token sealed in it (by an app that kept secrets here) is not.
      scrubSecretBytes(file)
      const movedTo = moveAside(file, now())
      const cache = openOnce(file, opts, now)
      opts.onRecovered?.({ movedTo, reason })
      return cache
    } catch (again) {
      // Not corruption of our making (e.g. an unwritable directory).
      return inMemory(file, again, opts, now)
    }
  }
}

/**
 * A cache that holds nothing across runs, for when the file cannot be used: the app starts from
 * the server as on a first run, rather than exit at every start. A mistake of ours (a migration
 * that fails) fails here too, and throws.
 */
function inMemory(file: string, err: unknown, opts: OpenCacheOptions, now: () => number): Cache {
  // Still known by its file: the credentials beside it (secrets-file.ts) may well be usable.
  const cache = { ...openOnce(MEMORY, opts, now), file }
  opts.onUnavailable?.(err instanceof Error ? `${'code' in err ? `${String(err.code)}: ` : ''}${err.message}` : String(err))
  return cache
}

const MEMORY = ':memory:'

function openOnce(file: string, opts: OpenCacheOptions, now: () => number): Cache {
  const db = new Database(file, { timeout: opts.busyTimeoutMs ?? 5000 })
  try {
    // The first statement is where a non-database file fails (SQLITE_NOTADB), not the constructor.
    const mode = db.pragma('journal_mode = WAL', { simple: true })
    if (mode !== (file === MEMORY ? 'memory' : 'wal')) throw new Error(`cache journal_mode is ${String(mode)}, expected wal`)
    // NORMAL in WAL can lose the last commits on power loss but never corrupts; the server is the
    // source of truth, so that trade is right for a cache (Signal uses FULL for its messages).
    db.pragma('synchronous = NORMAL')
    db.pragma('foreign_keys = ON')
    const findings = (db.pragma('quick_check') as { quick_check: string }[]).map((r) => r.quick_check)
    if (findings.length !== 1 || findings[0] !== 'ok') throw new QuickCheckError(findings)
    migrate(db)
    // Secrets live beside the cache now (secrets-file.ts); an older app's are moved there and wiped.
    if (file !== MEMORY) evictSecrets(db, openSecretsFile(secretsFileFor(file)))
  } catch (err) {
    db.close()
    throw err
  }
  return {
    db,
    file,
    now,
    close() {
      if (!db.open) return
      db.pragma('optimize')
      db.close()
    },
  }
}
