/** Runs one step of a script (a command with inherited output) and reports how it went. */
import { spawnSync } from 'node:child_process'
import { join } from 'node:path'
import { root } from './system.ts'

export const bin = (name: string) => join(root, 'node_modules', '.bin', name)

/** PATH with node_modules/.bin first, so tools' `#!/usr/bin/env node` runs on our Node 24. */
export const toolEnv = (): NodeJS.ProcessEnv => ({
  ...process.env,
  PATH: `${join(root, 'node_modules', '.bin')}:${process.env.PATH ?? ''}`,
})

/** `trailer: false` leaves the command's own last line (a test summary) as the last line printed. */
export function step(title: string, command: string, args: string[], opts: { trailer?: boolean } = {}): boolean {
  console.log(`\n▶ ${title}`)
  const started = Date.now()
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', env: toolEnv() })
  const ok = result.status === 0
  if (opts.trailer !== false) console.log(`${ok ? '✔' : '✘'} ${title} (${((Date.now() - started) / 1000).toFixed(1)} s)`)
  return ok
}
