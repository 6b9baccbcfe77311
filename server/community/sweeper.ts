/**
 * Removes guests when their pass ends: a timer set to the next pass's end, and a periodic check
 * besides (for passes another server instance made, and a clock that moved). The store is the
 * truth, so several instances may sweep the same guest: removal is idempotent. Stopped on close.
 */
import type { FastifyInstance } from 'fastify'
import { removeGuest } from './guests.ts'

/** The periodic check: a pass made elsewhere is noticed at most this late. */
export const SWEEP_EVERY_MS = 5_000
/** setTimeout's ceiling (about 24.8 days). */
const MAX_TIMER_MS = 2 ** 31 - 1

export interface Sweeper {
  /** Sweeps now and sets the timer again (after a new pass, or when a guest's pass is seen to have ended). */
  kick(): void
  /** Stops, after the sweep under way (if any). */
  stop(): Promise<void>
}

/** The sweeper of each running app, by its store (shared by the app and every plugin in it). */
const sweepers = new WeakMap<object, Sweeper>()

/** Asks the app's sweeper (if it runs) to sweep now: someone was seen holding an ended pass. */
export function kickSweeper(app: FastifyInstance): void {
  sweepers.get(app.store)?.kick()
}

export function startSweeper(app: FastifyInstance): Sweeper {
  let stopped = false
  let running: Promise<void> | null = null
  let again = false
  let timer: ReturnType<typeof setTimeout> | null = null

  const sweep = async () => {
    const ended = await app.store.endedGuestPasses(app.now())
    for (const pass of ended) {
      if (stopped) return
      await removeGuest(app, pass).catch((err: unknown) => app.log.warn({ err, memberId: pass.memberId }, 'could not remove a guest whose pass ended; retrying on the next sweep'))
    }
    if (stopped) return
    const next = await app.store.nextGuestPassEnd(app.now())
    if (timer) clearTimeout(timer)
    timer = null
    if (next !== null) {
      timer = setTimeout(kick, Math.min(MAX_TIMER_MS, Math.max(0, next - app.now())))
      timer.unref()
    }
  }

  const kick = () => {
    if (stopped) return
    if (running) {
      again = true
      return
    }
    running = sweep()
      .catch((err: unknown) => app.log.warn({ err }, 'guest sweep failed'))
      .finally(() => {
        running = null
        if (again && !stopped) {
          again = false
          kick()
        }
      })
  }

  const periodic = setInterval(kick, SWEEP_EVERY_MS)
  periodic.unref()
  kick()
  const sweeper: Sweeper = {
    kick,
    async stop() {
      stopped = true
      sweepers.delete(app.store)
      clearInterval(periodic)
      if (timer) clearTimeout(timer)
      await running
    },
  }
  sweepers.set(app.store, sweeper)
  return sweeper
}
