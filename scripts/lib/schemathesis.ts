/**
 * Installs the pinned schemathesis (the API fuzzer, from PyPI) into a virtualenv under the
 * git-ignored `.tools/`, and reuses it when present. Python comes from the machine; its venv
 * module from Debian's python3-venv when we are root and it is missing.
 */
import { spawnSync } from 'node:child_process'
import { existsSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { toolsDir } from './livekit-install.ts'
import { aptInstall, hasCommand } from './system.ts'

export const SCHEMATHESIS_VERSION = '4.32.5'

const venvDir = join(toolsDir, `schemathesis-${SCHEMATHESIS_VERSION}`)
/** Written last: a venv without it was interrupted mid-install and is built again. */
const doneMarker = join(venvDir, '.installed')

const run = (command: string, args: string[]) => spawnSync(command, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] })
const tail = (r: ReturnType<typeof run>) => `${r.stderr ?? ''}${r.stdout ?? ''}`.trim().split('\n').slice(-5).join('\n')

function makeVenv(log: (line: string) => void): void {
  if (!hasCommand('python3')) {
    log('setup: Python 3 is missing; installing it from Debian')
    aptInstall(['python3', 'python3-venv'], 'Python 3 (with its venv module) for schemathesis')
  }
  let made = run('python3', ['-m', 'venv', venvDir])
  if (made.status !== 0) {
    // Debian splits ensurepip out of python3 into python3-venv (python3.X-venv on some releases).
    log('setup: python3 -m venv failed; installing python3-venv from Debian')
    rmSync(venvDir, { recursive: true, force: true })
    aptInstall(['python3-venv'], 'the Python venv module (python3-venv) for schemathesis')
    made = run('python3', ['-m', 'venv', venvDir])
  }
  if (made.status !== 0) throw new Error(`python3 -m venv ${venvDir} failed:\n${tail(made)}`)
}

/** Returns the path of the `st` command of a working schemathesis, installing it on first use. */
export function ensureSchemathesis(log: (line: string) => void = console.log): string {
  const st = join(venvDir, 'bin', 'st')
  if (existsSync(doneMarker) && run(st, ['--version']).stdout?.includes(SCHEMATHESIS_VERSION)) return st
  log(`setup: installing schemathesis ${SCHEMATHESIS_VERSION} into ${venvDir} (once)…`)
  rmSync(venvDir, { recursive: true, force: true })
  makeVenv(log)
  const pip = run(join(venvDir, 'bin', 'python'), ['-m', 'pip', 'install', '--quiet', '--disable-pip-version-check', `schemathesis==${SCHEMATHESIS_VERSION}`])
  if (pip.status !== 0) throw new Error(`pip install schemathesis==${SCHEMATHESIS_VERSION} failed:\n${tail(pip)}`)
  const version = run(st, ['--version'])
  if (!version.stdout?.includes(SCHEMATHESIS_VERSION)) throw new Error(`schemathesis installed but \`st --version\` says: ${tail(version)}`)
  writeFileSync(doneMarker, `${SCHEMATHESIS_VERSION}\n`)
  return st
}
