/**
 * A bounded schemathesis run (about a minute) against the real server's OpenAPI document, signed
 * in as a workspace owner: no response may be a 5xx, and every response must match the schema the
 * route declares. `npm run fuzz` runs the same for longer.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { fuzzSummary, prepareFuzzTarget, runApiFuzz } from '../../scripts/lib/api-fuzz.ts'
import { ensureSchemathesis } from '../../scripts/lib/schemathesis.ts'
import { startStack, type Stack } from '../support/stack.ts'
import { tempDir } from '../support/temp.ts'

const MAX_TIME_S = 60

describe('API fuzzing (schemathesis)', () => {
  let stack: Stack
  let st: string
  const reports = tempDir('fuzz-')
  beforeAll(async () => {
    st = ensureSchemathesis()
    stack = await startStack()
  })
  afterAll(async () => {
    await stack?.stop()
    reports.remove()
  })

  it(`finds no 5xx and no response off its schema in ${MAX_TIME_S} s`, { timeout: (MAX_TIME_S + 90) * 1000 }, async () => {
    const target = await prepareFuzzTarget(stack.server.url)
    const result = await runApiFuzz(st, target, { maxTimeS: MAX_TIME_S, reportDir: reports.path })
    console.log(`drill API fuzz (${MAX_TIME_S} s):\n${fuzzSummary(result.output)}`)
    // On failure, schemathesis' own report says which request, what came back, and how to replay it.
    expect(result.code, result.output.slice(result.output.indexOf('==='))).toBe(0)
    expect(result.output).toMatch(/\d+ generated, \d+ passed/)
  })
})
