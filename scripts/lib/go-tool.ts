/**
 * Installs a pinned Go program into the git-ignored `.tools/` folder with `go install`, and reuses
 * it when present: livekit-server, and the S3-compatible server the bucket tests run. Go comes
 * from the machine, or from Debian's packages when we are root; an older Go fetches the toolchain
 * the module asks for from the Go module proxy.
 */
import { execFileSync, spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, renameSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import { aptInstall, hasCommand, root } from './system.ts'

export const toolsDir = join(root, '.tools')

export interface GoTool {
  /** What it is called in messages and in `.tools/` (`<name>-<version>`). */
  name: string
  /** The package to install, without a version. */
  module: string
  /** Versions to try, first the preferred one; never `latest`. */
  versions: readonly string[]
  /** The binary `go install` makes (the package's last path element). */
  builds: string
  /** Whether a binary in `.tools/` works and is that version (run it; true when it answers as expected). */
  works(binary: string, version: string): boolean
}

/** Whether `binary args…` runs and prints something containing `text`. */
export const answers = (binary: string, args: string[], text: string): boolean => {
  try {
    return execFileSync(binary, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }).includes(text)
  } catch {
    return false
  }
}

/** Returns the path of a working binary of `tool`, building it on first use. */
export function ensureGoTool(tool: GoTool, log: (line: string) => void = console.log): string {
  for (const version of tool.versions) {
    const binary = join(toolsDir, `${tool.name}-${version}`)
    if (existsSync(binary) && tool.works(binary, version)) return binary
  }
  if (!hasCommand('go')) {
    log('setup: Go is missing; installing golang-go from Debian')
    aptInstall(['golang-go', 'ca-certificates'], `Go (https://go.dev/dl/) to build ${tool.name}`)
  }
  mkdirSync(toolsDir, { recursive: true })
  const errors: string[] = []
  for (const version of tool.versions) {
    log(`setup: building ${tool.name} ${version} with go install (a few minutes, once)…`)
    const gobin = mkdtempSync(join(toolsDir, 'gobin-'))
    const result = spawnSync('go', ['install', `${tool.module}@${version}`], {
      env: { ...process.env, GOBIN: gobin, GOTOOLCHAIN: 'auto', GOFLAGS: '-mod=mod' },
      encoding: 'utf8',
      stdio: ['ignore', 'inherit', 'pipe'],
    })
    const built = join(gobin, tool.builds)
    if (result.status === 0 && existsSync(built)) {
      const binary = join(toolsDir, `${tool.name}-${version}`)
      renameSync(built, binary)
      rmSync(gobin, { recursive: true, force: true })
      return binary
    }
    rmSync(gobin, { recursive: true, force: true })
    errors.push(`${version}: ${(result.stderr ?? '').trim().split('\n').slice(-5).join('\n')}`)
  }
  throw new Error(`could not build ${tool.name} at ${tool.versions.join(' or ')}:\n${errors.join('\n')}`)
}
