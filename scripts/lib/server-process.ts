/**
 * The office server as a child process (`node server/index.ts`), ready once it printed the line
 * that says where it listens. `npm start` runs it under the supervisor; tests crash it with kill -9
 * and start it again on the same data folder and port.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import { once } from 'node:events'
import { join } from 'node:path'
import { root } from './system.ts'

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

export interface ServerProcessOptions {
  /** The server's environment (OFFICE_*, LIVEKIT_*), on top of this process's own. */
  env: NodeJS.ProcessEnv
  timeoutMs?: number
  /** Copy its output to ours as it comes (npm start); tests keep it for failure messages only. */
  echo?: boolean
}

const LISTENING = /^office server listening on (\S+)$/m

export async function startServerProcess(opts: ServerProcessOptions): Promise<ServerProcess> {
  const child = spawn(join(root, 'node_modules', '.bin', 'node'), ['--disable-warning=ExperimentalWarning', 'server/index.ts'], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, ...opts.env },
  })
  let log = ''
  const keep = (to: NodeJS.WriteStream) => (chunk: Buffer) => {
    log = (log + chunk.toString()).slice(-20_000)
    if (opts.echo) to.write(chunk)
  }
  child.stdout.on('data', keep(process.stdout))
  child.stderr.on('data', keep(process.stderr))
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
