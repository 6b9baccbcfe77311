/** Small helpers for the setup scripts: the project root, commands on PATH, Debian packages. */
import { spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

export const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..')

export const hasCommand = (name: string): boolean => spawnSync('sh', ['-c', `command -v ${name}`], { stdio: 'ignore' }).status === 0

let aptUpdated = false

/**
 * apt-get installs `packages` when running as root on Debian; otherwise explains what to install.
 * The install is tried first; `apt-get update` runs (once per process) only when it fails, which is
 * what a clean machine with empty or stale package lists needs.
 */
export function aptInstall(packages: string[], what: string): void {
  const isRoot = process.getuid?.() === 0
  if (!isRoot || !existsSync('/usr/bin/apt-get')) {
    throw new Error(`${what} is missing: install it (on Debian: sudo apt-get install ${packages.join(' ')})`)
  }
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' }
  // Waits for the dpkg lock another apt-get holds (another setup step) instead of failing on it.
  const lock = ['-o', 'DPkg::Lock::Timeout=300']
  const install = () => spawnSync('apt-get', [...lock, 'install', '-y', '-qq', '--no-install-recommends', ...packages], { stdio: 'inherit', env })
  let result = install()
  if (result.status !== 0 && !aptUpdated) {
    aptUpdated = true
    spawnSync('apt-get', [...lock, 'update', '-qq'], { stdio: 'inherit', env })
    result = install()
  }
  if (result.status !== 0) throw new Error(`apt-get install ${packages.join(' ')} failed (exit ${result.status})`)
}
