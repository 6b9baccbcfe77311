/**
 * Fetches a lazily loaded part's chunk once the page is idle, so the first time it shows it is drawn
 * at once rather than after a chunk load, while it stays out of the start-up bundle all the same.
 */
import { useEffect } from 'react'

export function usePrefetchWhenIdle(load: () => Promise<unknown>): void {
  useEffect(() => {
    const idle = globalThis.requestIdleCallback ?? ((run: () => void) => setTimeout(run, 1_000))
    const cancel = globalThis.cancelIdleCallback ?? clearTimeout
    const handle = idle(() => void load().catch(() => undefined))
    return () => cancel(handle as number)
  }, [load])
}
