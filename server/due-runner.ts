/**
 * Work that falls due at times the store knows (guests' passes ending, reminders to send): run at
 * the next due time (a timer), every `everyMs` besides (what another server instance did, a clock
 * that moved), and whenever kicked; never two runs at once: a kick during a run runs it again
 * right after. `run` does what is due and answers when the next thing falls due (null: nothing
 * is). A failed run is reported and tried again at the next check. Stopped on close, after the run
 * under way.
 */

/** setTimeout's ceiling (about 24.8 days). */
const MAX_TIMER_MS = 2 ** 31 - 1

export interface DueRunner {
  /** Runs now (or right after the run under way). */
  kick(): void
  /** Resolves once no run is under way (the one running, and any kicked during it). */
  idle(): Promise<void>
  /** Stops: no new run; the one under way finishes. */
  stop(): Promise<void>
  /** Whether stop() was called: a long run checks it between steps. */
  readonly stopped: boolean
}

export function startDueRunner(opts: { everyMs: number; now(): number; run(): Promise<number | null>; onError(err: unknown): void }): DueRunner {
  let stopped = false
  let running: Promise<void> | null = null
  let again = false
  let timer: ReturnType<typeof setTimeout> | null = null

  const once = async () => {
    const next = await opts.run()
    if (stopped) return
    if (timer) clearTimeout(timer)
    timer = null
    if (next !== null) {
      timer = setTimeout(kick, Math.min(MAX_TIMER_MS, Math.max(0, next - opts.now())))
      timer.unref()
    }
  }

  const kick = () => {
    if (stopped) return
    if (running) {
      again = true
      return
    }
    running = once()
      .catch(opts.onError)
      .finally(() => {
        running = null
        if (again && !stopped) {
          again = false
          kick()
        }
      })
  }

  const periodic = setInterval(kick, opts.everyMs)
  periodic.unref()
  kick()
  return {
    kick,
    async idle() {
      while (running) await running
    },
    async stop() {
      stopped = true
      clearInterval(periodic)
      if (timer) clearTimeout(timer)
      await running
    },
    get stopped() {
      return stopped
    },
  }
}
