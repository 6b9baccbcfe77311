/**
 * Removes guests when their pass ends: a timer set to the next pass's end, and a periodic check
 * besides (for passes another server instance made, and a clock that moved). The store is the
 * truth, so several instances may sweep the same guest: removal is idempotent. Stopped on close.
 */
import type { FastifyInstance } from 'fastify'
import { startDueRunner, type DueRunner } from '../due-runner.ts'
import { removeGuest } from './guests.ts'

/** The periodic check: a pass made elsewhere is noticed at most this late. */
export const SWEEP_EVERY_MS = 5_000

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
  const runner: DueRunner = startDueRunner({
    everyMs: SWEEP_EVERY_MS,
    now: () => app.now(),
    onError: (err) => app.log.warn({ err }, 'guest sweep failed'),
    async run() {
      for (const pass of await app.store.endedGuestPasses(app.now())) {
        if (runner.stopped) return null
        await removeGuest(app, pass).catch((err: unknown) => app.log.warn({ err, memberId: pass.memberId }, 'could not remove a guest whose pass ended; retrying on the next sweep'))
      }
      return app.store.nextGuestPassEnd(app.now())
    },
  })
  const sweeper: Sweeper = {
    kick: runner.kick,
    async stop() {
      sweepers.delete(app.store)
      await runner.stop()
    },
  }
  sweepers.set(app.store, sweeper)
  return sweeper
}
