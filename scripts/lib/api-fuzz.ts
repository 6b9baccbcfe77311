/**
 * API fuzzing with schemathesis against the server's own /api/openapi.json: every response must
 * be a non-5xx that matches its documented schema. Runs authenticated as a real workspace owner
 * (a Bearer session in a header), with the workspace's real ids in the path so that requests reach
 * the handlers rather than stopping at a 404. Used by the bounded run in `npm test` and by `npm run fuzz`.
 */
import { spawn } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'

export interface FuzzTarget {
  baseUrl: string
  token: string
  workspaceId: string
}

export interface FuzzResult {
  /** schemathesis' exit code: 0 when no check failed and nothing errored. */
  code: number
  output: string
}

const post = async (url: string, body: unknown, token?: string) => {
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) }, body: JSON.stringify(body) })
  const json = (await res.json()) as Record<string, unknown>
  if (!res.ok) throw new Error(`POST ${url}: ${res.status} ${JSON.stringify(json)}`)
  return json
}

/** A fresh workspace with an owner and a member, through the public API, as a host would make it. */
export async function prepareFuzzTarget(baseUrl: string): Promise<FuzzTarget> {
  const id = randomBytes(4).toString('hex')
  const owner = (await post(`${baseUrl}/api/workspaces`, { name: 'Fuzz', owner: { name: 'Fuzz Owner', email: `fuzz-${id}@example.com`, password: 'fuzz owner password' } })) as {
    session: { token: string }
    workspace: { id: string }
  }
  const invite = (await post(`${baseUrl}/api/workspaces/${owner.workspace.id}/invites`, { role: 'member' }, owner.session.token)) as { code: string }
  await post(`${baseUrl}/api/invites/${invite.code}/accept`, { name: 'Fuzz Member', email: `fuzz-member-${id}@example.com`, password: 'fuzz member password' })
  return { baseUrl, token: owner.session.token, workspaceId: owner.workspace.id }
}

/**
 * Runs `st run` for `maxTimeS` seconds. Signing out (here, and everywhere) is left out: it would
 * end the session the run authenticates with, and every later request would be a 401.
 */
export function runApiFuzz(st: string, target: FuzzTarget, opts: { maxTimeS: number; reportDir: string; echo?: boolean; seed?: number }): Promise<FuzzResult> {
  mkdirSync(opts.reportDir, { recursive: true })
  const config = join(opts.reportDir, 'schemathesis.toml')
  writeFileSync(config, [
    '[parameters]',
    `"path.ws" = "${target.workspaceId}"`,
    '"path.floor" = "floor_main"',
    '"path.room" = "room_meeting"',
    '"path.place" = "room_meeting"',
    '',
  ].join('\n'))
  const args = [
    '--config-file', config, 'run', `${target.baseUrl}/api/openapi.json`,
    '--checks', 'not_a_server_error,response_schema_conformance',
    '--header', `Authorization: Bearer ${target.token}`,
    '--exclude-name', 'DELETE /api/sessions/current',
    '--exclude-name', 'DELETE /api/sessions',
    '--max-time', String(opts.maxTimeS),
    // One worker: the server shares these 2 CPUs, and hypothesis' lambda introspection is not thread-safe.
    '--workers', '1',
    '--no-color',
    '--report', 'junit', '--report-dir', opts.reportDir,
    ...(opts.seed !== undefined ? ['--seed', String(opts.seed)] : []),
  ]
  // Async: a server running in this very process (the test) must keep answering meanwhile.
  const child = spawn(st, args, { stdio: ['ignore', 'pipe', 'pipe'] })
  let output = ''
  const keep = (to: NodeJS.WriteStream) => (chunk: Buffer) => {
    output += chunk.toString()
    if (opts.echo) to.write(chunk)
  }
  child.stdout.on('data', keep(process.stdout))
  child.stderr.on('data', keep(process.stderr))
  return new Promise((resolve, reject) => {
    child.once('error', reject)
    child.once('exit', (code, signal) => resolve({ code: code ?? (signal ? 1 : 0), output }))
  })
}

/**
 * The lines of schemathesis' summary worth printing: what ran, what failed, the seed. Its closing
 * banner (`=== 4 warnings in 61.41s ===`) is retold in words: it has the shape of pytest's closing
 * line, and a CI that reads runners' closing lines took it for a pytest run that executed no test.
 */
export function fuzzSummary(output: string): string {
  const wanted = /^(\s+Selected:|\s+Tested:|\s+\d+ generated|\s+(✅|❌|🚫|⚠️).*\d|Seed:)/u
  const banner = /^=+ (.*) in ([\d.]+)s =+$/u
  return output
    .split('\n')
    .flatMap((l) => {
      const closing = banner.exec(l.trim())
      if (closing) return [`schemathesis took ${closing[2]} s (${closing[1]})`]
      return wanted.test(l) ? [l.trim()] : []
    })
    .join('\n')
}
