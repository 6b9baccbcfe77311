/**
 * This member's status: chosen (available, busy, away, do-not-disturb, with text and an optional
 * end), and automatic: away while the machine is idle or locked (from the Platform), back on return.
 * "In a meeting" is not stored: everyone derives it from being in a room (floor/labels.ts).
 */
import { MAX_STATUS_TEXT, type Status } from '../../protocol/presence.ts'
import type { Platform } from '../platform/platform.ts'
import type { Lobby } from '../services/lobby.ts'
import type { Stores } from './stores.ts'

export interface StatusActions {
  set(status: Status, text?: string, untilMs?: number): void
  /** Signed out: back to available, with no text and no end pending (nobody is told: the lobby is gone). */
  reset(): void
  dispose(): void
}

export function createStatus(deps: { stores: Stores; platform: Platform; lobby(): Lobby | null }): StatusActions {
  const { presence } = deps.stores
  let expiry: ReturnType<typeof setTimeout> | null = null

  const apply = (status: Status, text: string, until: number, idleAway: { previous: Status } | null) => {
    presence.getState().setSelf({ status, statusText: text, statusUntil: until, idleAway })
    deps.lobby()?.update({ status, statusText: text, statusUntil: until ? String(until) : '' })
    if (expiry) clearTimeout(expiry)
    expiry = until ? setTimeout(() => apply('available', '', 0, null), Math.max(0, until - Date.now())) : null
  }

  const offIdle = deps.platform.on('idle:changed', (state) => {
    const self = presence.getState().self
    if (state === 'active') {
      if (self.idleAway) apply(self.idleAway.previous, self.statusText, self.statusUntil, null)
      return
    }
    // Idle or locked: away, unless the member already chose away or do-not-disturb.
    if (self.idleAway || self.status === 'away' || self.status === 'dnd') return
    apply('away', self.statusText, self.statusUntil, { previous: self.status })
  })

  return {
    // Bounded as every peer bounds it (protocol/presence.ts), counted in characters so no emoji is cut in half.
    set: (status, text = '', untilMs = 0) => apply(status, Array.from(text).slice(0, MAX_STATUS_TEXT).join(''), untilMs, null),
    reset() {
      if (expiry) clearTimeout(expiry)
      expiry = null
      presence.getState().setSelf({ status: 'available', statusText: '', statusUntil: 0, idleAway: null })
    },
    dispose() {
      offIdle()
      if (expiry) clearTimeout(expiry)
    },
  }
}
