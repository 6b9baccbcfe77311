/**
 * `npm test`: installs what the tests need (the pinned livekit-server and S3 gateway, Debian's Chromium, the
 * pinned schemathesis in a Python venv), builds the app, then type-checks, lints, and runs the
 * unit, integration and end-to-end tests. It ends with a plain `tests: N passed, N failed` line, the
 * closing line CI reads (vitest's own summary is not one it knows).
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { bin, step } from './lib/run-step.ts'
import { ensureTools } from './lib/tools.ts'

const vitestArgs = process.argv.slice(2)

ensureTools()

const failed: string[] = []
if (!step('build (electron-vite)', bin('electron-vite'), ['build', '--logLevel', 'warn'])) failed.push('build')
if (!step('type-check (node)', bin('tsc'), ['-p', 'tsconfig.node.json'])) failed.push('type-check node')
if (!step('type-check (web)', bin('tsc'), ['-p', 'tsconfig.web.json'])) failed.push('type-check web')
if (!step('lint', bin('eslint'), ['.', '--max-warnings', '0'])) failed.push('lint')
if (failed.length) console.error(`\n✘ failed before the tests: ${failed.join(', ')}`)
const reportDir = mkdtempSync(join(tmpdir(), 'office-test-report-'))
const report = join(reportDir, 'vitest.json')
const tests = step('tests (unit, integration, e2e)', bin('vitest'), [
  'run', '--reporter=default', '--reporter=json', `--outputFile.json=${report}`, ...vitestArgs,
], { trailer: false })
console.log(closingLine(report))
rmSync(reportDir, { recursive: true, force: true })
process.exit(tests && failed.length === 0 ? 0 : 1)

/** `tests: N passed, N failed[, N skipped]` from vitest's JSON report; a run that wrote none failed. */
function closingLine(file: string): string {
  let counts: { success: boolean, numPassedTests: number, numFailedTests: number, numFailedTestSuites: number, numPendingTests: number, numTodoTests: number }
  try {
    counts = JSON.parse(readFileSync(file, 'utf8'))
  } catch {
    return 'tests: 0 passed, 1 failed'
  }
  const skipped = counts.numPendingTests + counts.numTodoTests
  // A suite that failed before its tests ran (a beforeAll) fails no test itself: it counts as one.
  const failed = counts.numFailedTests || (counts.success ? 0 : Math.max(1, counts.numFailedTestSuites))
  return `tests: ${counts.numPassedTests} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`
}
