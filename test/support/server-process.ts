/**
 * The real server as a child process (`node server/index.ts`), for tests that must crash it the
 * way an operator's machine would: kill -9 mid-write, then start it again on the same data folder.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import { once } from 'node:events'
import { join } from 'node:path'
import type { LivekitProcess } from '../../scripts/lib/livekit-process.ts'
import { root } from '../../scripts/lib/system.ts'

export interface ServerProcess {
  url: string
  child: ChildProcess
  /** SIGKILL, as a crash would; resolves once the process is gone. */
  kill9(): Promise<void>
  /** SIGTERM, the graceful close; resolves once the process has exited. */
  stop(): Promise<void>
  /** The last of what it wrote to stdout and stderr, for failure messages. */
  output(): string
}

const LISTENING = /^office server listening on (\S+)$/m

export async function startServerProcess(opts: {
  dataDir: string
  livekit: Pick<LivekitProcess, 'url' | 'apiKey' | 'apiSecret'>
  port?: number
  timeoutMs?: number
}): Promise<ServerProcess> {
  const child = spawn(join(root, 'node_modules', '.bin', 'node'), ['--disable-warning=ExperimentalWarning', 'server/index.ts'], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      ...process.env,
      OFFICE_DATA_DIR: opts.dataDir,
      OFFICE_PORT: String(opts.port ?? 0),
      OFFICE_HOST: '127.0.0.1',
      OFFICE_LOG: 'silent',
      LIVEKIT_URL: opts.livekit.url,
      LIVEKIT_API_KEY: opts.livekit.apiKey,
      LIVEKIT_API_SECRET: opts.livekit.apiSecret,
    },
  })
  let log = ''
  const keep = (chunk: Buffer) => {
    log = (log + chunk.toString()).slice(-20_000)
  }
  child.stdout.on('data', keep)
  child.stderr.on('data', keep)
  const exited = once(child, 'exit')
  exited.catch(() => {}) // a spawn failure is reported below, as an 'error' before listening

  const url = await new Promise<string>((resolve, reject) => {
    const timeoutMs = opts.timeoutMs ?? 30_000
    const timer = setTimeout(() => fail(new Error(`the server did not start in ${timeoutMs} ms:\n${log}`)), timeoutMs)
    const onData = () => {
      const match = LISTENING.exec(log)
      if (!match) return
      settle()
      resolve(match[1]!)
    }
    const onExit = (code: number | null, signal: string | null) => fail(new Error(`the server exited (${signal ?? `code ${code}`}) before listening:\n${log}`))
    const settle = () => {
      clearTimeout(timer)
      child.stdout.off('data', onData)
      child.off('exit', onExit)
      child.off('error', fail)
    }
    function fail(err: Error) {
      settle()
      child.kill('SIGKILL')
      reject(err)
    }
    child.stdout.on('data', onData)
    child.once('exit', onExit)
    child.once('error', fail)
  })

  const end = async (signal: NodeJS.Signals) => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill(signal)
      await exited
    }
  }
  return { url, child, kill9: () => end('SIGKILL'), stop: () => end('SIGTERM'), output: () => log }
}
