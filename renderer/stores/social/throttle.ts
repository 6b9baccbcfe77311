/**
 * At most `limit` prompts per peer in any `windowMs`: one peer cannot flood the screen or the OS
 * notification centre with knocks, waves or "available" flips. Each peer has its own budget, so a
 * flood from one never silences another.
 *
 * @example
 * const prompts = createPeerThrottle(3, 60_000)
 * if (prompts.allow(from)) social.getState().addPrompt(...)
 */
export interface PeerThrottle {
  /** Whether `peer` may cause one more prompt now; a yes is counted against its budget. */
  allow(peer: string): boolean
}

export function createPeerThrottle(limit: number, windowMs: number, now: () => number = () => Date.now()): PeerThrottle {
  const recent = new Map<string, number[]>()
  return {
    allow(peer) {
      const t = now()
      const times = (recent.get(peer) ?? []).filter((at) => t - at < windowMs)
      const ok = times.length < limit
      if (ok) times.push(t)
      recent.set(peer, times)
      return ok
    },
  }
}
