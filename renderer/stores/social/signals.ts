/**
 * Raised hands and reactions, for everyone in the lobby and this member alike: the social store's
 * slice that the call (Reactions, tiles) and the floor (avatars) read. The lobby service fills it
 * from checked peer input and publishes this member's own entries; the UI writes only its own.
 * A hand counts only while its owner is in the room it was raised in (selectors.ts decides, by the
 * server's occupancy); a reaction fades after REACTION_SHOW_MS.
 */
import { REACTION_SHOW_MS, type Reaction } from '../../../protocol/presence.ts'

/** A raised hand: the room it was raised in and when this client learned of it (epoch ms). */
export interface Hand {
  room: string
  at: number
}

/** A reaction being shown; `seq` tells a repeat of the same emoji from the one before it. */
export interface ShownReaction {
  emoji: Reaction
  seq: number
  at: number
}

export interface SignalsSlice {
  hands: Readonly<Record<string, Hand>>
  reactions: Readonly<Record<string, ShownReaction>>
  /** Raises `id`'s hand in `room`, or lowers it (null). Raising again in the same room keeps its time. */
  setHand(id: string, room: string | null): void
  /** Shows `emoji` for `id` for REACTION_SHOW_MS, replacing the one shown before. */
  react(id: string, emoji: Reaction): void
  /** Forgets everyone's hands and reactions but `keep`'s (the lobby connection is gone). */
  clearSignals(keep: string | null): void
}

type Set = (partial: Partial<SignalsSlice> | ((s: SignalsSlice) => Partial<SignalsSlice>)) => void

const without = <T>(record: Readonly<Record<string, T>>, id: string): Record<string, T> => {
  const { [id]: _gone, ...rest } = record
  return rest
}

export function createSignalsSlice(set: Set, get: () => SignalsSlice, now: () => number = () => Date.now()): SignalsSlice {
  let seq = 0
  return {
    hands: {},
    reactions: {},
    setHand(id, room) {
      const hands = get().hands
      const before = hands[id]
      // Attribute updates repeat the same hand often: change nothing (no render) when nothing changed.
      if (room === null) return void (before && set({ hands: without(hands, id) }))
      if (before?.room === room) return
      set({ hands: { ...hands, [id]: { room, at: now() } } })
    },
    react(id, emoji) {
      const shown: ShownReaction = { emoji, seq: ++seq, at: now() }
      set((s) => ({ reactions: { ...s.reactions, [id]: shown } }))
      setTimeout(() => {
        if (get().reactions[id] === shown) set((s) => ({ reactions: without(s.reactions, id) }))
      }, REACTION_SHOW_MS)
    },
    clearSignals(keep) {
      const { hands, reactions } = get()
      const mine = keep ? hands[keep] : undefined
      if (Object.keys(hands).length === (mine ? 1 : 0) && Object.keys(reactions).length === 0) return
      set({ hands: keep && mine ? { [keep]: mine } : {}, reactions: {} })
    },
  }
}
