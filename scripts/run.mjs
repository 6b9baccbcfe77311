#!/usr/bin/env node
// Entry of every npm script: make sure the npm dependencies are installed (which brings Node 24 via
// the `node` package), then run scripts/<task>.ts on Node 24. Plain JavaScript so that it also runs
// on an older system Node, on a fresh clone with nothing installed.
import { spawn, spawnSync } from 'node:child_process'
import { existsSync, statSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const [task, ...args] = process.argv.slice(2)
if (!task || !existsSync(join(root, 'scripts', `${task}.ts`))) {
  console.error(`usage: node scripts/run.mjs <task> — no scripts/${task}.ts`)
  process.exit(2)
}

const installedMarker = join(root, 'node_modules', '.package-lock.json')
const lock = join(root, 'package-lock.json')
const stale = !existsSync(installedMarker) || (existsSync(lock) && statSync(lock).mtimeMs > statSync(installedMarker).mtimeMs)
if (stale) {
  console.log('setup: installing npm dependencies (npm ci)…')
  const npm = spawnSync('npm', ['ci', '--no-audit', '--no-fund'], { cwd: root, stdio: 'inherit' })
  if (npm.status !== 0) {
    console.error('setup: npm ci failed; see above')
    process.exit(npm.status ?? 1)
  }
}

const major = Number(process.versions.node.split('.')[0])
const node24 = join(root, 'node_modules', 'node', 'bin', 'node')
const node = major >= 24 ? process.execPath : node24
if (!existsSync(node)) {
  console.error(`setup: Node 24 is needed and ${node24} is missing; run npm ci`)
  process.exit(1)
}

const child = spawn(node, ['--disable-warning=ExperimentalWarning', join(root, 'scripts', `${task}.ts`), ...args], { cwd: root, stdio: 'inherit' })
// Ctrl-C reaches the child from the terminal itself (same process group): wait for it to clean up.
process.on('SIGINT', () => {})
for (const signal of ['SIGTERM', 'SIGHUP']) process.on(signal, () => child.kill(signal))
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)))
