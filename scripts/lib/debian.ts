/**
 * A binary from a Debian package (redis-server, haproxy, postgresql), installed with apt-get when it
 * is missing and we are root, as a clean CI machine needs. Elsewhere a clear error names the package.
 */
import { existsSync } from 'node:fs'
import { aptInstall } from './system.ts'

/** Returns `binaryPath` once it exists, installing Debian's `pkg` first when it does not. */
export function ensureDebianPackage(binaryPath: string, pkg: string, log: (line: string) => void = console.log): string {
  if (existsSync(binaryPath)) return binaryPath
  log(`setup: ${binaryPath} is missing; installing Debian ${pkg}`)
  aptInstall([pkg], `${binaryPath} (Debian package ${pkg})`)
  if (!existsSync(binaryPath)) throw new Error(`apt-get installed ${pkg} but ${binaryPath} is still missing`)
  return binaryPath
}
