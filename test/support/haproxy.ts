/**
 * haproxy in front of N server instances, as an operator would run it (issue 9): HTTP mode, health
 * checks on a readiness path, retries that move a refused connection to another instance, and
 * WebSocket-friendly tunnel timeouts. Loopback only, config in a temp folder, Debian's haproxy
 * installed when missing. Directives as documented in haproxy 2.6's configuration.txt.
 */
import { spawnSync } from 'node:child_process'
import { writeFileSync } from 'node:fs'
import { connect } from 'node:net'
import { join } from 'node:path'
import { ensureDebianPackage } from '../../scripts/lib/debian.ts'
import { spawnTool } from './child-process.ts'
import { freeTcpPort } from './ports.ts'
import { tempDir } from './temp.ts'

export interface HaproxyOptions {
  /** Backend base URLs, such as http://127.0.0.1:4001. */
  backends: string[]
  /** The readiness path haproxy checks on each backend; a backend answering anything but 200 gets no traffic. */
  healthPath?: string
  balance?: 'roundrobin' | 'leastconn'
  /** Time between two checks of a backend; `fall` failed checks in a row mark it down. */
  checkIntervalMs?: number
  fall?: number
  /**
   * Keeps each browser on the instance it first reached (a cookie haproxy sets), as operators often
   * do; when that instance is down, `redispatch` sends it to another.
   */
  sticky?: boolean
  /** The port to listen on (known before the backends start, for LiveKit's webhooks); a free one by default. */
  port?: number
}

export interface TestHaproxy {
  url: string
  port: number
  /** haproxy's own view of each backend, keyed by its URL: 'UP', 'DOWN', 'UP 1/2', 'no check'… */
  states(): Promise<Record<string, string>>
  output(): string
  stop(): Promise<void>
}

export function haproxyConfig(o: Required<Omit<HaproxyOptions, 'port'>> & { port: number; adminSocket: string }): string {
  return [
    'global',
    // The admin socket lets a test ask which backends haproxy has marked down (`show stat`).
    `  stats socket ${o.adminSocket} mode 600 level admin`,
    'defaults',
    '  mode http',
    '  timeout connect 1s',
    '  timeout client 60s',
    '  timeout server 60s',
    // After an Upgrade (WebSocket) the tunnel timeout replaces client/server: idle sockets stay.
    '  timeout tunnel 1h',
    '  timeout http-request 10s',
    // A refused connection (an instance that just died) is retried, on another instance at once
    // (`redispatch 1`); only connection failures are retried (the default `retry-on conn-failure`),
    // so a request that reached an instance is never sent twice.
    '  retries 3',
    '  option redispatch 1',
    '  option forwardfor',
    'frontend office',
    `  bind 127.0.0.1:${o.port}`,
    '  default_backend instances',
    'backend instances',
    `  balance ${o.balance}`,
    '  option httpchk',
    `  http-check send meth GET uri ${o.healthPath} ver HTTP/1.1 hdr Host 127.0.0.1`,
    '  http-check expect status 200',
    `  default-server check inter ${o.checkIntervalMs}ms fall ${o.fall} rise 1`,
    ...(o.sticky ? ['  cookie OFFICE_INSTANCE insert indirect nocache'] : []),
    ...o.backends.map((url, i) => `  server b${i} ${new URL(url).host}${o.sticky ? ` cookie b${i}` : ''}`),
    '',
  ].join('\n')
}

export async function startHaproxy(opts: HaproxyOptions): Promise<TestHaproxy> {
  const binary = ensureDebianPackage('/usr/sbin/haproxy', 'haproxy')
  const dir = tempDir('haproxy-')
  const port = opts.port ?? (await freeTcpPort())
  const adminSocket = join(dir.path, 'admin.sock')
  const file = join(dir.path, 'haproxy.cfg')
  const o = { healthPath: '/api/ready', balance: 'roundrobin' as const, checkIntervalMs: 300, fall: 2, sticky: false, ...opts }
  writeFileSync(file, haproxyConfig({ ...o, port, adminSocket }))
  const check = spawnSync(binary, ['-c', '-f', file], { encoding: 'utf8' })
  if (check.status !== 0) {
    dir.remove()
    throw new Error(`haproxy -c refused the config:\n${check.stderr}${check.stdout}`)
  }
  const haproxy = spawnTool('haproxy', binary, ['-db', '-f', file])
  const url = `http://127.0.0.1:${port}`
  const stop = async () => {
    await haproxy.stop()
    dir.remove()
  }
  const states = async () => {
    const byName = await serverStates(adminSocket)
    return Object.fromEntries(o.backends.map((backend, i) => [backend, byName[`b${i}`] ?? 'unknown']))
  }
  try {
    await haproxy.waitUntil(async () => (await fetch(`${url}${o.healthPath}`, { signal: AbortSignal.timeout(1_000) })).status === 200, `a forwarded ${o.healthPath}`)
  } catch (err) {
    await stop()
    throw err
  }
  return { url, port, states, output: haproxy.output, stop }
}

/** Each server's status in the `instances` backend, from `show stat` (CSV) on the admin socket. */
function serverStates(socketPath: string): Promise<Record<string, string>> {
  return new Promise((resolve, reject) => {
    const socket = connect(socketPath)
    let text = ''
    socket.setEncoding('utf8')
    socket.setTimeout(2_000, () => socket.destroy(new Error('haproxy admin socket: no answer in 2 s')))
    socket.on('data', (chunk: string) => (text += chunk))
    socket.once('error', reject)
    socket.once('end', () => {
      const [header = '', ...rows] = text.trim().split('\n')
      const columns = header.replace(/^# /, '').split(',')
      const [px, sv, status] = ['pxname', 'svname', 'status'].map((c) => columns.indexOf(c))
      const states: Record<string, string> = {}
      for (const fields of rows.map((r) => r.split(','))) {
        if (fields[px!] === 'instances' && !['FRONTEND', 'BACKEND'].includes(fields[sv!]!)) states[fields[sv!]!] = fields[status!]!
      }
      resolve(states)
    })
    socket.end('show stat\n')
  })
}
