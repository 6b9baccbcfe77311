/**
 * Retrying a call to another service (LiveKit's RoomService) that may be restarting: a few tries
 * with a growing pause, then the last error. Only for calls that are safe to repeat.
 */

export interface RetryOptions {
  /** Tries in all, the first included. */
  attempts?: number
  /** The pause after the first failure; each next one is twice as long. */
  firstDelayMs?: number
}

export async function withRetries<T>(call: () => Promise<T>, { attempts = 3, firstDelayMs = 200 }: RetryOptions = {}): Promise<T> {
  let delay = firstDelayMs
  for (let attempt = 1; ; attempt++) {
    try {
      return await call()
    } catch (err) {
      if (attempt >= attempts) throw err
      // A backoff, not a test's sleep: LiveKit coming back up needs a moment, not a busy loop.
      await new Promise((resolve) => setTimeout(resolve, delay))
      delay *= 2
    }
  }
}
