/** The `--to` URL checked before anything is opened: a PostgreSQL URL that names its database. */
import { MigrationError } from './errors.ts'

export interface TargetUrl {
  url: string
  /** host:port/database, for messages: never the password. */
  where: string
}

const POSTGRES = /^postgres(ql)?:\/\//i
const SHAPE = 'postgres://user:password@host:port/database'

export function parseTargetUrl(text: string | undefined): TargetUrl {
  const url = text?.trim()
  if (!url) throw new MigrationError(`--to is required: the empty PostgreSQL database to copy into, as ${SHAPE}`)
  if (!POSTGRES.test(url)) {
    const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(url)?.[1]
    throw new MigrationError(`--to must be a postgres:// or postgresql:// URL${scheme ? ` (it is a ${scheme}: URL)` : ''}, as ${SHAPE}`)
  }
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    throw new MigrationError(`--to is not a valid URL: expected ${SHAPE}`)
  }
  // Without a database name the driver picks one after the user name: never copy somewhere by accident.
  if (parsed.pathname.length <= 1) throw new MigrationError(`--to must name the database to copy into: ${SHAPE}`)
  return { url, where: `${parsed.hostname || 'localhost'}:${parsed.port || 5432}${decodeURIComponent(parsed.pathname)}` }
}
