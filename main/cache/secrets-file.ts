/**
 * Where the secret store keeps its sealed values: a small JSON file beside the cache, never the
 * cache's SQLite file. The cache is thrown away freely (moved aside when corrupt, wiped at
 * sign-out, rebuilt from the server); the session token must neither travel with a moved-aside
 * copy nor be lost with it.
 */
import fs from 'node:fs'
import path from 'node:path'
import type { KvStore } from '../credentials/secret-store.ts'

/** The credentials file that goes with a cache file. */
export const secretsFileFor = (cacheFile: string): string => path.join(path.dirname(cacheFile), 'credentials.json')

function readAll(file: string): Record<string, string> {
  let text: string
  try {
    text = fs.readFileSync(file, 'utf8')
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return {}
    throw err
  }
  try {
    const parsed: unknown = JSON.parse(text)
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return {}
    return Object.fromEntries(Object.entries(parsed).filter((e): e is [string, string] => typeof e[1] === 'string'))
  } catch {
    // A damaged file holds nothing we can use: the user signs in again, and the next write replaces it.
    return {}
  }
}

/** Write-then-rename, owner-only: a crash leaves the old file or the new one, never half of one. */
function writeAll(file: string, values: Record<string, string>): void {
  const tmp = `${file}.tmp-${process.pid}`
  fs.writeFileSync(tmp, JSON.stringify(values), { mode: 0o600, flush: true })
  fs.renameSync(tmp, file)
}

/** Reads the file at every call: secrets are read at start and written at sign-in, rarely enough. */
export function openSecretsFile(file: string): KvStore {
  return {
    get(key) {
      const values = readAll(file)
      return Object.hasOwn(values, key) ? values[key]! : null
    },
    set(key, value) {
      const values = readAll(file)
      if (value === null) {
        if (!Object.hasOwn(values, key)) return
        delete values[key]
      } else values[key] = value
      writeAll(file, values)
    },
  }
}
