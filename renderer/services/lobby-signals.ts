/**
 * Raised hands and reactions over the lobby (one per lobby connection). A hand is the `hand`
 * attribute (the room it was raised in), so late joiners see it; a reaction is a small reliable
 * packet on topic `reaction`. What peers send is checked (peer-input.ts), bounded and throttled
 * here before it reaches the social store; this member's own hand and reactions go out when the
 * UI puts them in the store. Lowering one's hand on leaving its room happens here too, so the
 * attribute never outlives the visit.
 */
import { MAX_REACTION_BYTES, REACTION_LIMIT, REACTION_WINDOW_MS, topics, type PresenceAttributes, type ReactionPacket } from '../../protocol/presence.ts'
import { ReactionPacketSchema } from '../../protocol/presence-schemas.ts'
import type { PresenceStore } from '../stores/presence/store.ts'
import { roomsByMember } from '../stores/presence/selectors.ts'
import type { SocialStore } from '../stores/social/store.ts'
import { createPeerThrottle } from '../stores/social/throttle.ts'
import { handOf, readPacket, type Rejections } from './peer-input.ts'

export interface LobbySignalsDeps {
  social: SocialStore
  presence: PresenceStore
  rejections: Rejections
  /** Sends this member's reaction to everyone in the lobby (reliable, on topic `reaction`). */
  publish(packet: ReactionPacket, topic: string): void
  /** Sets this member's own attributes (the lobby's throttle; `hand` goes at once). */
  update(patch: Partial<PresenceAttributes>): void
  /** The clock of the reaction throttle (tests). */
  now?: () => number
}

export interface LobbySignals {
  /** A peer's attributes arrived or changed. */
  attributes(id: string, raw: Readonly<Record<string, string>>): void
  /** A peer left the lobby. */
  gone(id: string): void
  /** A packet on topic `reaction` from peer `from`. */
  reaction(from: string, payload: Uint8Array): void
  /** This member's own hand as an attribute value, for the first attributes of a connection. */
  ownHand(meId: string): string
  /** Starts publishing this member's own hand and reactions; returns the stop. */
  start(meId: string): () => void
}

export function createLobbySignals(deps: LobbySignalsDeps): LobbySignals {
  const { social, presence, rejections } = deps
  // Per connection: a flood from one peer costs only its own reactions, never anyone else's.
  const throttle = createPeerThrottle(REACTION_LIMIT, REACTION_WINDOW_MS, deps.now)
  const ownRoom = () => presence.getState().self.room

  return {
    attributes: (id, raw) => social.getState().setHand(id, handOf(raw) || null),
    gone: (id) => social.getState().setHand(id, null),
    reaction(from, payload) {
      const packet = readPacket(ReactionPacketSchema, payload, MAX_REACTION_BYTES)
      if (!packet) return rejections.note('reaction', from)
      // Reactions belong to calls: someone the server has in no room has no call to react in.
      if (!roomsByMember(presence.getState().occupancy).has(from)) return rejections.note('reaction outside a room', from)
      if (!throttle.allow(from)) return rejections.note('reaction over the limit', from)
      social.getState().react(from, packet.emoji)
    },
    ownHand(meId) {
      const hand = social.getState().hands[meId]
      // Raised in a room left while offline: it is down now.
      if (hand && hand.room !== ownRoom()) social.getState().setHand(meId, null)
      return hand?.room === ownRoom() ? hand.room : ''
    },
    start(meId) {
      const stopSocial = social.subscribe((s, prev) => {
        const hand = s.hands[meId]
        if (hand !== prev.hands[meId]) deps.update({ hand: hand?.room ?? '' })
        const mine = s.reactions[meId]
        if (mine && mine !== prev.reactions[meId]) deps.publish({ emoji: mine.emoji }, topics.reaction)
      })
      const stopPresence = presence.subscribe((s, prev) => {
        const hand = social.getState().hands[meId]
        // Leaving the room lowers the hand (walking out, being shown out, another room).
        if (s.self.room !== prev.self.room && hand && hand.room !== s.self.room) social.getState().setHand(meId, null)
      })
      return () => {
        stopSocial()
        stopPresence()
      }
    },
  }
}
