/**
 * Keeps a child process running: when it dies (a crash, an OOM kill, a kill -9) it is started
 * again after a backoff, with a log line each way. A child that dies soon after starting backs off
 * further each time (a crash loop must not spin); one that ran for a while restarts at once.
 * `npm start` supervises livekit-server and the server with it; the recovery drills use the same.
 */
import type { ChildProcess } from 'node:child_process'

/** What a supervised thing is: a child process and a way to stop it for good. */
export interface Supervisable {
  child: ChildProcess
  stop(): Promise<void>
}

export interface SuperviseOptions<T extends Supervisable> {
  /** A name for the log lines, such as "livekit-server". */
  name: string
  /** Starts the process and resolves once it is ready (listening); rejects when it cannot start. */
  start(): Promise<T>
  /** Waits before each restart: the first entry after a crash, the next after each quick one. */
  backoffMs?: readonly number[]
  /** A process that ran this long before dying was healthy: its restart starts from the first backoff. */
  stableMs?: number
  log?(line: string): void
  /** Called with each process once it is ready: the first, and every restart. */
  onStart?(process: T): void
}

export interface Supervisor<T extends Supervisable> {
  /** The process running now (or the last one, while a restart is pending). */
  readonly current: T
  /** How many times it was started again after dying. */
  readonly restarts: number
  /** Stops supervising, then stops the process. */
  stop(): Promise<void>
}

export const DEFAULT_BACKOFF_MS = [100, 500, 1_000, 2_000, 5_000, 10_000] as const
const DEFAULT_STABLE_MS = 3_000

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`
const howItEnded = (code: number | null, signal: NodeJS.Signals | null) => (signal ? `killed by ${signal}` : `exited with code ${code}`)

/** Starts `start()` once (rejecting if that fails) and restarts it whenever it dies, until `stop()`. */
export async function supervise<T extends Supervisable>(opts: SuperviseOptions<T>): Promise<Supervisor<T>> {
  const backoff = opts.backoffMs ?? DEFAULT_BACKOFF_MS
  const stableMs = opts.stableMs ?? DEFAULT_STABLE_MS
  const log = opts.log ?? ((line: string) => console.log(line))
  let current = await opts.start()
  let startedAt = Date.now()
  let restarts = 0
  let quickDeaths = 0
  let stopped = false
  let wake: (() => void) | null = null
  let restarting: Promise<void> | null = null

  const restart = async (diedAt: number): Promise<void> => {
    for (;;) {
      const wait = backoff[Math.min(quickDeaths, backoff.length - 1)]!
      quickDeaths++
      log(`supervisor: restarting ${opts.name} in ${seconds(wait)}`)
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, wait)
        wake = () => (clearTimeout(timer), resolve())
      })
      wake = null
      if (stopped) return
      try {
        const next = await opts.start()
        if (stopped) return void (await next.stop())
        current = next
        startedAt = Date.now()
        restarts++
        log(`supervisor: ${opts.name} is back (pid ${next.child.pid}), ${seconds(Date.now() - diedAt)} after it died`)
        watch(next)
        opts.onStart?.(next)
        return
      } catch (err) {
        log(`supervisor: ${opts.name} did not start: ${(err as Error).message.split('\n')[0]}`)
      }
    }
  }

  const died = (proc: T, code: number | null, signal: NodeJS.Signals | null) => {
    if (stopped || proc !== current) return
    const ranMs = Date.now() - startedAt
    if (ranMs >= stableMs) quickDeaths = 0
    log(`supervisor: ${opts.name} (pid ${proc.child.pid}) ${howItEnded(code, signal)} after ${seconds(ranMs)}`)
    const pending = restart(Date.now())
    restarting = pending
    void pending.finally(() => restarting === pending && (restarting = null))
  }
  const watch = (proc: T) => {
    const { child } = proc
    // It may have died between becoming ready and being watched: 'exit' will not come again.
    if (child.exitCode !== null || child.signalCode !== null) return died(proc, child.exitCode, child.signalCode)
    child.once('exit', (code, signal) => died(proc, code, signal))
  }

  watch(current)
  opts.onStart?.(current)
  return {
    get current() {
      return current
    },
    get restarts() {
      return restarts
    },
    async stop() {
      stopped = true
      wake?.()
      await restarting
      await current.stop()
    },
  }
}
