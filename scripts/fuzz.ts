/**
 * `npm run fuzz`: a long schemathesis run against a fresh server and livekit-server on this
 * machine, signed in as a workspace owner — the same run as the bounded one in `npm test`
 * (test/integration/api-fuzz.test.ts), for longer. `npm run fuzz -- 30` runs for 30 minutes
 * (default 10). Exits non-zero when a response was a 5xx or did not match its schema; the report
 * (JUnit XML) stays in .cache/fuzz/ and schemathesis prints how to replay each failure.
 */
import { join } from 'node:path'
import { startStack } from '../test/support/stack.ts'
import { fuzzSummary, prepareFuzzTarget, runApiFuzz } from './lib/api-fuzz.ts'
import { ensureLivekitServer } from './lib/livekit-install.ts'
import { ensureSchemathesis } from './lib/schemathesis.ts'
import { root } from './lib/system.ts'

const minutes = Number(process.argv[2] ?? 10)
if (!Number.isFinite(minutes) || minutes <= 0) {
  console.error(`usage: npm run fuzz -- [minutes] (got ${process.argv[2]})`)
  process.exit(2)
}

let code = 1
try {
  ensureLivekitServer()
  const st = ensureSchemathesis()
  const stack = await startStack()
  try {
    console.log(`fuzzing ${stack.server.url}/api/openapi.json for ${minutes} min…`)
    const reportDir = join(root, '.cache', 'fuzz')
    const result = await runApiFuzz(st, await prepareFuzzTarget(stack.server.url), { maxTimeS: Math.round(minutes * 60), reportDir, echo: true })
    console.log(`\n${fuzzSummary(result.output)}\nreport: ${reportDir}`)
    code = result.code
  } finally {
    await stack.stop()
  }
} catch (err) {
  console.error(`npm run fuzz failed: ${(err as Error).message}`)
}
process.exit(code)
