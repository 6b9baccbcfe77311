/**
 * `npm run migrate -- --to postgres://…`: copies the embedded SQLite store into an empty
 * PostgreSQL database and verifies the copy row by row (server/store/migrate/). Stop the server
 * first. Exits 0 once the copy is verified and committed; otherwise non-zero, saying what is wrong,
 * with nothing kept in PostgreSQL.
 */
import { join, resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { copyToPostgres } from '../server/store/migrate/copy-to-postgres.ts'
import { root } from './lib/system.ts'

const USAGE = `usage: npm run migrate -- --to postgres://user:password@host:port/database [--from path/to/office.db]
  --to    an empty PostgreSQL database (required)
  --from  the SQLite store's file (default: office.db in OFFICE_DATA_DIR, or in ./data)`

const fail = (message: string, code = 1): never => {
  console.error(`migrate: ${message}`)
  process.exit(code)
}

function readOptions(): { to: string; from: string } {
  let values: { to?: string | undefined; from?: string | undefined; help?: boolean | undefined }
  try {
    values = parseArgs({ options: { to: { type: 'string' }, from: { type: 'string' }, help: { type: 'boolean', short: 'h' } } }).values
  } catch (err) {
    return fail(`${(err as Error).message}\n${USAGE}`, 2)
  }
  if (values.help) {
    console.log(USAGE)
    process.exit(0)
  }
  if (!values.to) return fail(`--to is required: the empty PostgreSQL database to copy into\n${USAGE}`, 2)
  const dataDir = resolve(process.env.OFFICE_DATA_DIR ?? join(root, 'data'))
  return { to: values.to, from: resolve(values.from ?? join(dataDir, 'office.db')) }
}

const { to, from } = readOptions()
console.log(`migrate: copying the SQLite store ${from} into PostgreSQL`)
try {
  const report = await copyToPostgres({ from, to, log: (line) => console.log(`migrate: ${line}`) })
  const width = Math.max(...report.tables.map((t) => t.name.length))
  console.log(`migrate: copied in one transaction, ${report.tables.length} tables:`)
  for (const t of report.tables) console.log(`  ${t.name.padEnd(width)}  ${String(t.rows).padStart(8)} rows`)
  if (report.targetOnly.length) console.log(`migrate: PostgreSQL tables with no SQLite counterpart, left empty: ${report.targetOnly.join(', ')}`)
  console.log(`migrate: verified: every row of every table is the same in PostgreSQL as in SQLite (schema ${report.schema})`)
  console.log(`migrate: done; start the server with DATABASE_URL set to the --to URL (${report.where}). ${from} stays where it is: keep it as a backup`)
} catch (err) {
  fail((err as Error).message)
}
