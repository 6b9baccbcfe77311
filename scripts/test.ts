/**
 * `npm test`: installs what the tests need (the pinned livekit-server, Debian's Chromium, the
 * pinned schemathesis in a Python venv), builds the app, then type-checks, lints, and runs the
 * unit, integration and end-to-end tests. It ends with the test runner's summary line.
 */
import { ensureChromium } from './lib/chromium.ts'
import { ensureLivekitServer } from './lib/livekit-install.ts'
import { bin, step } from './lib/run-step.ts'
import { ensureSchemathesis } from './lib/schemathesis.ts'

const vitestArgs = process.argv.slice(2)

try {
  ensureLivekitServer()
  ensureChromium()
  ensureSchemathesis()
} catch (err) {
  console.error(`setup failed: ${(err as Error).message}`)
  process.exit(1)
}

const failed: string[] = []
if (!step('build (electron-vite)', bin('electron-vite'), ['build', '--logLevel', 'warn'])) failed.push('build')
if (!step('type-check (node)', bin('tsc'), ['-p', 'tsconfig.node.json'])) failed.push('type-check node')
if (!step('type-check (web)', bin('tsc'), ['-p', 'tsconfig.web.json'])) failed.push('type-check web')
if (!step('lint', bin('eslint'), ['.', '--max-warnings', '0'])) failed.push('lint')
if (failed.length) console.error(`\n✘ failed before the tests: ${failed.join(', ')}`)
const tests = step('tests (unit, integration, e2e)', bin('vitest'), ['run', ...vitestArgs], { trailer: false })
process.exit(tests && failed.length === 0 ? 0 : 1)
