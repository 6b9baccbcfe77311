/**
 * A tool a test runs as a child process (redis-server, haproxy): its output kept for failure
 * messages, a readiness wait that fails as soon as it exits, and a stop that always ends it.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import { once } from 'node:events'

export interface ToolProcess {
  child: ChildProcess
  /** The last of what it wrote to stdout and stderr. */
  output(): string
  /** Resolves once `ready()` holds; rejects when it exits first or after `timeoutMs`. */
  waitUntil(ready: () => Promise<boolean>, what: string, timeoutMs?: number): Promise<void>
  /** SIGTERM, then SIGKILL if it is still there after `graceMs`; resolves once it is gone. */
  stop(graceMs?: number): Promise<void>
  /** SIGKILL, as a crash would. */
  kill(): Promise<void>
}

/** `env` comes on top of this process's own environment. */
export function spawnTool(name: string, command: string, args: string[], env: NodeJS.ProcessEnv = {}): ToolProcess {
  const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, ...env } })
  let log = ''
  const keep = (chunk: Buffer) => {
    log = (log + chunk.toString()).slice(-20_000)
  }
  child.stdout.on('data', keep)
  child.stderr.on('data', keep)
  let spawnError: Error | null = null
  child.once('error', (err) => {
    spawnError = err
  })
  const exited = once(child, 'exit').catch(() => {})
  const running = () => child.exitCode === null && child.signalCode === null && !spawnError
  const end = async (signal: NodeJS.Signals, graceMs: number) => {
    if (!running()) return
    child.kill(signal)
    const hard = setTimeout(() => running() && child.kill('SIGKILL'), graceMs)
    await exited
    clearTimeout(hard)
  }
  return {
    child,
    output: () => log,
    async waitUntil(ready, what, timeoutMs = 15_000) {
      const deadline = Date.now() + timeoutMs
      for (;;) {
        if (!running()) throw new Error(`${name} exited (${spawnError?.message ?? child.signalCode ?? `code ${child.exitCode}`}) before ${what}:\n${log}`)
        if (await ready().catch(() => false)) return
        if (Date.now() > deadline) throw new Error(`${name}: timed out after ${timeoutMs} ms waiting for ${what}:\n${log}`)
        await new Promise((resolve) => setTimeout(resolve, 25))
      }
    },
    stop: (graceMs = 5_000) => end('SIGTERM', graceMs),
    kill: () => end('SIGKILL', 0),
  }
}
