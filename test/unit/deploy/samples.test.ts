/**
 * The sample configuration files under deploy/ are read by the programs they configure, so a
 * misspelt key fails here, not on an operator's machine: livekit-server parses livekit.yaml in its
 * strict mode, haproxy checks haproxy.cfg, Caddy adapts and validates the Caddyfile. Each check
 * is shown to be live by a broken copy it rejects. The tools are installed when missing (haproxy
 * and caddy from Debian, as root), like the other parts the tests need.
 */
import { spawnSync } from 'node:child_process'
import { readFileSync, readdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { parse } from 'yaml'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ensureLivekitServer } from '../../../scripts/lib/livekit-install.ts'
import { aptInstall, hasCommand, root } from '../../../scripts/lib/system.ts'
import { tempDir } from '../../support/temp.ts'

const deploy = (file: string) => join(root, 'deploy', file)
const text = (file: string) => readFileSync(deploy(file), 'utf8')
const scratch = tempDir('deploy-samples-')

/** Runs a tool; its output (stdout and stderr together) and exit status. */
function run(command: string, args: string[], env: NodeJS.ProcessEnv = {}): { status: number | null; output: string } {
  const result = spawnSync(command, args, { encoding: 'utf8', env: { ...process.env, ...env } })
  return { status: result.status, output: `${result.stdout}${result.stderr}` }
}
/** A copy of a sample with one change, in the scratch folder. */
function variant(file: string, from: string | RegExp, to: string): string {
  const source = text(file)
  const changed = source.replace(from, to)
  if (changed === source) throw new Error(`${from} is not in deploy/${file}`)
  const path = join(scratch.path, `${Math.random().toString(36).slice(2)}-${file}`)
  writeFileSync(path, changed)
  return path
}

afterAll(() => scratch.remove())

describe('deploy/livekit.yaml (a cluster node)', () => {
  let livekit: string
  beforeAll(() => {
    livekit = ensureLivekitServer()
  }, 600_000)
  const config = parse(text('livekit.yaml')) as {
    redis: { address: string }
    rtc: Record<string, unknown>
    turn: Record<string, unknown>
    keys: Record<string, string>
    webhook: { api_key: string; urls: string[] }
  }
  // `ports` loads the config as the server does (strict: unknown keys are errors) and prints the
  // ports. use_external_ip asks a public STUN server for the address, which tests cannot reach:
  // the copy checked gives the address itself, and is otherwise the sample.
  const ports = (file: string) => run(livekit, ['ports', '--config', file]).output
  const offline = (from = 'use_external_ip: true', to = 'use_external_ip: false\n  node_ip: 127.0.0.1') => variant('livekit.yaml', from, to)

  it('is a cluster node: Redis, the media ports, TURN on TLS and UDP, keys, webhooks to the servers', () => {
    expect(config.redis.address).toMatch(/^[\w.-]+:\d+$/)
    expect(config.rtc).toMatchObject({ tcp_port: 7881, port_range_start: 50000, port_range_end: 60000, use_external_ip: true })
    expect(config.turn).toMatchObject({ enabled: true, tls_port: expect.any(Number), udp_port: 3478, domain: expect.any(String) })
    const keys = Object.entries(config.keys)
    expect(keys).toHaveLength(1)
    expect(keys[0]![1].length).toBeGreaterThanOrEqual(32)
    expect(config.webhook.api_key).toBe(keys[0]![0])
    expect(config.webhook.urls).toEqual([expect.stringMatching(/\/api\/livekit\/webhook$/)])
  })

  it('is accepted by livekit-server, which serves the ports the docs tell to open', () => {
    const out = ports(offline())
    for (const line of ['7880 - HTTP service', '7881 - ICE/TCP', '5349 - TURN/TLS', '50000-60000 - ICE/UDP range', '3478 - TURN/UDP']) expect(out).toContain(line)
    for (const port of ['7880', '7881', '5349', '3478', '50000-60000']) expect(text('../docs/deploy.md')).toContain(port)
  })

  it('would be refused with a misspelt key (the check is live)', () => {
    expect(ports(variant('livekit.yaml', 'tcp_port:', 'tcp_prot:'))).toMatch(/could not parse config: .*field tcp_prot not found/s)
  })
})

describe('deploy/haproxy.cfg', () => {
  beforeAll(() => {
    if (!hasCommand('haproxy')) aptInstall(['haproxy'], 'haproxy (to check deploy/haproxy.cfg)')
  }, 600_000)

  it('is valid for haproxy, and sends traffic only to instances that say they are ready', () => {
    const check = run('haproxy', ['-c', '-f', deploy('haproxy.cfg')])
    expect(check.output).toContain('Configuration file is valid')
    expect(check.status).toBe(0)
    expect(text('haproxy.cfg')).toMatch(/http-check send meth GET uri \/api\/ready\n\s+http-check expect status 200/)
  })

  it('would be refused with a misspelt option (the check is live)', () => {
    expect(run('haproxy', ['-c', '-f', variant('haproxy.cfg', 'balance leastconn', 'balance leastconns')]).status).not.toBe(0)
  })
})

describe('deploy/Caddyfile (TLS in front)', () => {
  beforeAll(() => {
    if (!hasCommand('caddy')) aptInstall(['caddy'], 'Caddy (to check deploy/Caddyfile)')
  }, 600_000)
  // Caddy keeps state under XDG folders: a scratch one, not the machine's.
  const adapt = (file: string) => run('caddy', ['adapt', '--adapter', 'caddyfile', '--validate', '--config', file], { XDG_DATA_HOME: scratch.path, XDG_CONFIG_HOME: scratch.path })

  it('is valid for Caddy, serving the office and LiveKit on 443', () => {
    const result = adapt(deploy('Caddyfile'))
    expect(result.status, result.output).toBe(0)
    const json = JSON.parse(result.output.split('\n').find((l) => l.startsWith('{"apps"'))!) as { apps: { http: { servers: Record<string, { listen: string[] }> } } }
    expect(Object.values(json.apps.http.servers).flatMap((s) => s.listen)).toContain(':443')
    for (const host of ['office.example.com', 'livekit.example.com']) expect(result.output).toContain(host)
  })

  it('would be refused with a misspelt directive (the check is live)', () => {
    expect(adapt(variant('Caddyfile', 'reverse_proxy 10.0.0.10:8000', 'reverse_prox 10.0.0.10:8000')).status).not.toBe(0)
  })
})

describe('deploy/prometheus.yml and the server environment', () => {
  it('scrapes every instance with the metrics bearer token', () => {
    const config = parse(text('prometheus.yml')) as { scrape_configs: { job_name: string; authorization?: { type: string; credentials_file: string } }[] }
    expect(config.scrape_configs.find((j) => j.job_name === 'office')?.authorization).toMatchObject({ type: 'Bearer', credentials_file: expect.any(String) })
  })

  it('documents in docs/deploy.md every variable the server reads, and every one office.env sets', () => {
    const docs = text('../docs/deploy.md')
    const serverFiles = readdirSync(join(root, 'server'), { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.ts'))
    const read = new Set<string>()
    for (const file of serverFiles) {
      const source = readFileSync(join(root, 'server', file), 'utf8')
      for (const m of source.matchAll(/\benv\.([A-Z][A-Z0-9_]+)|required\('([A-Z][A-Z0-9_]+)'\)/g)) read.add((m[1] ?? m[2])!)
    }
    const set = [...text('office.env').matchAll(/^([A-Z][A-Z0-9_]+)=/gm)].map((m) => m[1]!)
    const tests = (name: string) => name.startsWith('OFFICE_TEST_')
    const missing = [...read, ...set].filter((name) => !tests(name) && !docs.includes(`\`${name}\``))
    expect(read.size).toBeGreaterThan(5)
    expect(missing).toEqual([])
  })
})
