/**
 * React.lazy for the parts loaded on demand, which waits out a failed load instead of failing.
 * In a browser the chunks come from the workspace server, which may be away (restarting, or the
 * network gone) just when a part is first shown: React.lazy would throw, and the whole office
 * screen would unmount for good. Here the load is tried again, after longer and longer waits,
 * and the part shows its Suspense fallback until it has loaded. (The desktop app loads chunks
 * from disk, where this never happens.)
 */
import { lazy, type ComponentType, type LazyExoticComponent } from 'react'

/** The waits between tries; the last repeats. */
export const RETRY_WAITS_MS = [500, 1_000, 2_000, 5_000, 10_000] as const

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms))

/** `load()`, tried again after each failure (RETRY_WAITS_MS) until it succeeds. */
export async function loadRetrying<T>(load: () => Promise<T>, wait: (ms: number) => Promise<void> = sleep): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await load()
    } catch {
      await wait(RETRY_WAITS_MS[Math.min(attempt, RETRY_WAITS_MS.length - 1)]!)
    }
  }
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the same bound as React.lazy's own
export function lazyPart<T extends ComponentType<any>>(load: () => Promise<{ default: T }>): LazyExoticComponent<T> {
  return lazy(() => loadRetrying(load))
}
