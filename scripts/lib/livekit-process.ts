/**
 * Starts livekit-server bound to 127.0.0.1 with a generated config: loopback ICE candidates only,
 * no TCP fallback listener (it would bind every interface), no STUN, its own key pair.
 * Used by `npm start`, the tests and the benchmarks.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'

export interface LivekitProcess {
  url: string
  httpUrl: string
  apiKey: string
  apiSecret: string
  port: number
  child: ChildProcess
  stop(): Promise<void>
  /** SIGKILL, as a crash would. */
  kill(): Promise<void>
}

export interface LivekitOptions {
  binary: string
  dir: string
  port: number
  udpPort: number
  webhookUrls?: string[]
  apiKey?: string
  apiSecret?: string
  logLevel?: string
  /**
   * host:port of a Redis shared by several nodes: LiveKit's multi-node mode. Without it the node
   * runs alone, as `npm start` runs it.
   */
  redisAddress?: string
}

type ConfigOptions = Required<Omit<LivekitOptions, 'binary' | 'dir' | 'redisAddress'>> & Pick<LivekitOptions, 'redisAddress'>

export function livekitConfig(o: ConfigOptions): string {
  return [
    `port: ${o.port}`,
    'bind_addresses: ["127.0.0.1"]',
    `keys: { ${o.apiKey}: "${o.apiSecret}" }`,
    'rtc:',
    `  udp_port: ${o.udpPort}`,
    '  tcp_port: 0',
    '  node_ip: 127.0.0.1',
    '  use_external_ip: false',
    '  enable_loopback_candidate: true',
    '  ips: { includes: ["127.0.0.1/32"] }',
    'room: { empty_timeout: 30, departure_timeout: 5 }',
    `logging: { level: ${o.logLevel} }`,
    // "when redis is set, LiveKit will automatically operate in a fully distributed fashion" (its
    // config-sample.yaml). Each node registers under a random id (guid.New in pkg/routing/node.go,
    // v1.13.5), so nodes on one host share node_ip and need only their own port and rtc.udp_port.
    ...(o.redisAddress ? [`redis: { address: "${o.redisAddress}" }`] : []),
    ...(o.webhookUrls.length ? [`webhook: { api_key: ${o.apiKey}, urls: [${o.webhookUrls.map((u) => JSON.stringify(u)).join(', ')}] }`] : []),
    '',
  ].join('\n')
}

async function waitReady(httpUrl: string, child: ChildProcess, output: () => string, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`livekit-server exited with ${child.exitCode}:\n${output()}`)
    try {
      const res = await fetch(httpUrl, { signal: AbortSignal.timeout(1_000) })
      if (res.status === 200) return
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 25))
  }
  throw new Error(`livekit-server did not become ready on ${httpUrl} in ${timeoutMs} ms:\n${output()}`)
}

export async function startLivekitProcess(o: LivekitOptions): Promise<LivekitProcess> {
  const apiKey = o.apiKey ?? 'officekey'
  const apiSecret = o.apiSecret ?? randomBytes(24).toString('base64url')
  const config = join(o.dir, 'livekit.yaml')
  const redis = o.redisAddress ? { redisAddress: o.redisAddress } : {}
  writeFileSync(config, livekitConfig({ port: o.port, udpPort: o.udpPort, webhookUrls: o.webhookUrls ?? [], apiKey, apiSecret, logLevel: o.logLevel ?? 'warn', ...redis }))
  const child = spawn(o.binary, ['--config', config], { stdio: ['ignore', 'pipe', 'pipe'] })
  let log = ''
  const keep = (chunk: Buffer) => {
    log = (log + chunk.toString()).slice(-20_000)
  }
  child.stdout?.on('data', keep)
  child.stderr?.on('data', keep)
  const httpUrl = `http://127.0.0.1:${o.port}`
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()))
  const running = () => child.exitCode === null && child.signalCode === null
  const end = async (signal: NodeJS.Signals) => {
    if (!running()) return
    child.kill(signal)
    if (signal === 'SIGTERM') {
      // The first signal drains (waits for every participant to leave); a second one forces the exit.
      const force = setTimeout(() => running() && child.kill('SIGTERM'), 300)
      const hard = setTimeout(() => running() && child.kill('SIGKILL'), 5_000)
      await exited
      clearTimeout(force)
      clearTimeout(hard)
    }
    await exited
  }
  await waitReady(httpUrl, child, () => log)
  return { url: `ws://127.0.0.1:${o.port}`, httpUrl, apiKey, apiSecret, port: o.port, child, stop: () => end('SIGTERM'), kill: () => end('SIGKILL') }
}
