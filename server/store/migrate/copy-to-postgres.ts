/**
 * Copies the embedded SQLite store into an empty PostgreSQL database and proves the copy (what
 * `npm run migrate` runs). Everything that can be refused is refused before the source file is
 * touched; the copy and its row-by-row comparison run in ONE PostgreSQL transaction over one
 * SQLite snapshot, so the target ends up holding either the whole verified store or no rows at all.
 * The server must be stopped meanwhile: a write to the SQLite file during the copy fails it.
 */
import { copyTables, type TableCount } from './copy.ts'
import { MigrationError } from './errors.ts'
import { planCopy } from './plan.ts'
import { assertEmpty, connectTarget, createSchema, targetTables } from './postgres-target.ts'
import { bringUpToDate, inspectSource, latestSourceVersion, openSource, sourceTables } from './sqlite-source.ts'
import { parseTargetUrl } from './target-url.ts'
import { verifyTables } from './verify.ts'

export interface MigrateOptions {
  /** The SQLite store's file (office.db). */
  from: string
  /** postgres://… of an empty database. */
  to: string
  /** Progress, one line at a time. */
  log?: (line: string) => void
}

export interface MigrationReport {
  /** host:port/database of the target, without its password. */
  where: string
  /** The SQLite store's schema version, as copied. */
  schema: number
  /** Its version before its own migrations brought it up to date, or null when it was. */
  upgradedFrom: number | null
  /** Rows copied, and then found equal, per table in the order they were copied. */
  tables: TableCount[]
  /** PostgreSQL tables that SQLite has no counterpart of, left empty. */
  targetOnly: string[]
}

export async function copyToPostgres({ from, to, log = () => {} }: MigrateOptions): Promise<MigrationReport> {
  const target = parseTargetUrl(to)
  // Not a store, or one from a newer server: refused before anything else is opened.
  const found = inspectSource(from)
  const latest = latestSourceVersion()
  const client = await connectTarget(target)
  try {
    await assertEmpty(client, target.where)
    let upgradedFrom: number | null = null
    if (found < latest) {
      bringUpToDate(from)
      upgradedFrom = found
      log(`brought the SQLite store up to date first, with its own migrations (schema ${found} → ${latest}), as the server would on start`)
    }
    await createSchema(target)
    log(`created the PostgreSQL store's schema at ${target.where}`)
    const db = openSource(from)
    try {
      const plan = planCopy(sourceTables(db), await targetTables(client))
      const before = db.pragma('data_version', { simple: true })
      await client.query('begin')
      try {
        // One read snapshot of SQLite for both the copy and the comparison.
        db.exec('begin')
        const tables = await copyTables(client, db, plan, target.where)
        const compared = await verifyTables(client, db, plan.tables)
        tables.forEach((t, i) => {
          if (compared[i] !== t.rows) throw new MigrationError(`verification failed: ${t.name}: ${t.rows} rows copied but ${compared[i]} compared; nothing was kept`)
        })
        db.exec('commit')
        if (db.pragma('data_version', { simple: true }) !== before) {
          throw new MigrationError(`${from} changed while it was being copied: stop the server (and anything else using the file) and migrate again; nothing was kept`)
        }
        await client.query('commit')
        return { where: target.where, schema: latest, upgradedFrom, tables, targetOnly: plan.targetOnly }
      } catch (err) {
        await client.query('rollback').catch(() => {})
        if (db.inTransaction) db.exec('rollback')
        throw err
      }
    } finally {
      db.close()
    }
  } finally {
    await client.end().catch(() => {})
  }
}
