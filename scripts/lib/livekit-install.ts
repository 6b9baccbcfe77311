/**
 * Installs the pinned livekit-server into the git-ignored `.tools/` folder with `go install`, and
 * reuses it when present. Go comes from the machine, or from Debian's packages when we are root;
 * an older Go fetches the toolchain the module asks for from the Go module proxy.
 */
import { execFileSync, spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, renameSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import { aptInstall, hasCommand, root } from './system.ts'

export const LIVEKIT_VERSIONS = ['v1.13.5', 'v1.13.3'] as const
const MODULE = 'github.com/livekit/livekit-server/cmd/server'

export const toolsDir = join(root, '.tools')

const versionOf = (binary: string): string | null => {
  try {
    return execFileSync(binary, ['--version'], { encoding: 'utf8' }).trim()
  } catch {
    return null
  }
}

/** Returns the path of a working livekit-server binary, building it on first use. */
export function ensureLivekitServer(log: (line: string) => void = console.log): string {
  for (const tag of LIVEKIT_VERSIONS) {
    const binary = join(toolsDir, `livekit-server-${tag}`)
    if (existsSync(binary) && versionOf(binary)?.includes(tag.slice(1))) return binary
  }
  if (!hasCommand('go')) {
    log('setup: Go is missing; installing golang-go from Debian')
    aptInstall(['golang-go', 'ca-certificates'], 'Go (https://go.dev/dl/) to build livekit-server')
  }
  mkdirSync(toolsDir, { recursive: true })
  const errors: string[] = []
  for (const tag of LIVEKIT_VERSIONS) {
    log(`setup: building livekit-server ${tag} with go install (a few minutes, once)…`)
    const gobin = mkdtempSync(join(toolsDir, 'gobin-'))
    const result = spawnSync('go', ['install', `${MODULE}@${tag}`], {
      env: { ...process.env, GOBIN: gobin, GOTOOLCHAIN: 'auto', GOFLAGS: '-mod=mod' },
      encoding: 'utf8',
      stdio: ['ignore', 'inherit', 'pipe'],
    })
    const built = join(gobin, 'server')
    if (result.status === 0 && existsSync(built)) {
      const binary = join(toolsDir, `livekit-server-${tag}`)
      renameSync(built, binary)
      rmSync(gobin, { recursive: true, force: true })
      return binary
    }
    rmSync(gobin, { recursive: true, force: true })
    errors.push(`${tag}: ${(result.stderr ?? '').trim().split('\n').slice(-5).join('\n')}`)
  }
  throw new Error(`could not build livekit-server at ${LIVEKIT_VERSIONS.join(' or ')}:\n${errors.join('\n')}`)
}
