/**
 * Finds Debian's PostgreSQL server binaries (initdb, postgres) for the tests, the cluster and the
 * benchmarks, installing the `postgresql` package when they are missing and we are root. It only
 * finds them: starting a throwaway cluster is test/support/postgres.ts's job.
 */
import { existsSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { aptInstall } from './system.ts'

const DEBIAN_ROOT = '/usr/lib/postgresql'

/** The bin folder of the newest PostgreSQL under /usr/lib/postgresql, or null. */
export function findPostgresBin(): string | null {
  if (!existsSync(DEBIAN_ROOT)) return null
  const versions = readdirSync(DEBIAN_ROOT)
    .filter((v) => /^\d+$/.test(v) && existsSync(join(DEBIAN_ROOT, v, 'bin', 'initdb')) && existsSync(join(DEBIAN_ROOT, v, 'bin', 'postgres')))
    .sort((a, b) => Number(b) - Number(a))
  return versions[0] ? join(DEBIAN_ROOT, versions[0], 'bin') : null
}

/** The bin folder of a PostgreSQL server, installing Debian's `postgresql` on first use. */
export function ensurePostgres(log: (line: string) => void = console.log): string {
  const found = findPostgresBin()
  if (found) return found
  log('setup: PostgreSQL is missing; installing Debian postgresql')
  aptInstall(['postgresql'], 'PostgreSQL (initdb and postgres, for the PostgreSQL store tests)')
  const installed = findPostgresBin()
  if (!installed) throw new Error(`apt-get installed postgresql but no initdb was found under ${DEBIAN_ROOT}/*/bin`)
  return installed
}
