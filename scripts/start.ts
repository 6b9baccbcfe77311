/**
 * `npm start`: runs the whole office on this machine. It builds the app, starts the pinned
 * livekit-server on loopback (unless LIVEKIT_URL/KEY/SECRET name an existing one; with REDIS_URL it
 * joins the LiveKit nodes sharing that Redis), starts the server with its SQLite store in the data
 * folder (or the PostgreSQL of DATABASE_URL), and opens the desktop app — or, where Electron's
 * binary is missing, prints the URL where the server serves the same client to a browser.
 * livekit-server and the server run supervised: when one dies it is started again (same ports,
 * keys and data) after a backoff, with a log line each way. Ctrl-C stops everything it started.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { electronBinary } from './lib/electron-binary.ts'
import { ensureLivekitServer } from './lib/livekit-install.ts'
import { startLivekitProcess, type LivekitProcess } from './lib/livekit-process.ts'
import { redisAddress } from './lib/redis-url.ts'
import { bin, step, toolEnv } from './lib/run-step.ts'
import { startServerProcess, type ServerProcess } from './lib/server-process.ts'
import { supervise, type Supervisor } from './lib/supervise.ts'
import { root } from './lib/system.ts'

const env = process.env
const dataDir = resolve(env.OFFICE_DATA_DIR ?? join(root, 'data'))
let port = Number(env.OFFICE_PORT ?? 8080)
const livekitPort = Number(env.LIVEKIT_PORT ?? 7880)
const livekitUdpPort = Number(env.LIVEKIT_UDP_PORT ?? 7882)
const children: ChildProcess[] = []
let livekit: Supervisor<LivekitProcess> | null = null
let server: Supervisor<ServerProcess> | null = null
let stopping = false

async function stopAll(code: number): Promise<never> {
  if (!stopping) {
    stopping = true
    // The supervisors first, at once: Ctrl-C reaches livekit-server and the server too, and their
    // exit must not look like a crash to restart.
    const supervised = Promise.all([server?.stop(), livekit?.stop()])
    for (const child of children.reverse()) if (child.exitCode === null) child.kill('SIGTERM')
    await Promise.all(children.map((c) => (c.exitCode === null ? new Promise((r) => c.once('exit', r)) : null)))
    await supervised
  }
  process.exit(code)
}
process.on('SIGINT', () => void stopAll(0))
process.on('SIGTERM', () => void stopAll(0))

/** The LiveKit key pair for the bundled server, kept in the data folder so restarts reuse it. */
function localKeys(): { apiKey: string; apiSecret: string } {
  const file = join(dataDir, 'livekit-keys.json')
  if (existsSync(file)) return JSON.parse(readFileSync(file, 'utf8')) as { apiKey: string; apiSecret: string }
  const keys = { apiKey: 'office', apiSecret: randomBytes(32).toString('base64url') }
  writeFileSync(file, JSON.stringify(keys), { mode: 0o600 })
  return keys
}

async function main() {
  mkdirSync(dataDir, { recursive: true })
  if (!step('build (electron-vite)', bin('electron-vite'), ['build', '--logLevel', 'warn'])) return stopAll(1)

  let lk: { url: string; apiKey: string; apiSecret: string }
  if (env.LIVEKIT_URL && env.LIVEKIT_API_KEY && env.LIVEKIT_API_SECRET) {
    lk = { url: env.LIVEKIT_URL, apiKey: env.LIVEKIT_API_KEY, apiSecret: env.LIVEKIT_API_SECRET }
    console.log(`using LiveKit at ${lk.url}`)
  } else {
    const binary = ensureLivekitServer()
    const dir = join(dataDir, 'livekit')
    mkdirSync(dir, { recursive: true })
    const keys = localKeys()
    // With REDIS_URL, this node joins the other LiveKit nodes sharing that Redis (multi-node mode).
    const redis = env.REDIS_URL ? { redisAddress: redisAddress(env.REDIS_URL) } : {}
    const options = { binary, dir, port: livekitPort, udpPort: livekitUdpPort, webhookUrls: [`http://127.0.0.1:${port}/api/livekit/webhook`], ...keys, ...redis }
    // Same ports and keys on every start: clients' tokens and the server's config stay valid.
    livekit = await supervise({ name: 'livekit-server', start: () => startLivekitProcess(options) })
    lk = livekit.current
    console.log(`livekit-server listening on ${lk.url} (loopback only)`)
  }

  const serverEnv: NodeJS.ProcessEnv = {
    ...toolEnv(),
    OFFICE_DATA_DIR: dataDir,
    OFFICE_CLIENT_DIR: join(root, 'out', 'renderer'),
    LIVEKIT_URL: lk.url,
    LIVEKIT_API_KEY: lk.apiKey,
    LIVEKIT_API_SECRET: lk.apiSecret,
  }
  server = await supervise({
    name: 'server',
    start: async () => {
      const proc = await startServerProcess({ env: { ...serverEnv, OFFICE_PORT: String(port) }, echo: true })
      // A restart comes back on the same port (even when the first start picked one), so clients find it.
      port = Number(new URL(proc.url).port)
      return proc
    },
  })
  const url = server.current.url

  const electron = electronBinary()
  if (electron) {
    const app = spawn(electron, [join(root, 'out', 'main', 'index.js'), `--server=${url}`, `--livekit=${lk.url}`], { cwd: root, stdio: 'inherit' })
    children.push(app)
    app.once('exit', () => !stopping && void stopAll(0))
    console.log(`\nThe office is running: the desktop app is open (also in a browser at ${url}). Ctrl-C stops everything.`)
  } else {
    console.log(`\nElectron's binary is not installed (npm cannot download it here; \`npx install-electron\` fetches it from GitHub) — open ${url} in a browser.`)
    console.log('The office keeps running; Ctrl-C stops everything.')
  }
}

main().catch((err: unknown) => {
  console.error(`npm start failed: ${(err as Error).message}`)
  void stopAll(1)
})
