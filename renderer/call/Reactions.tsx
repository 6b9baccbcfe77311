/**
 * Raise hand and emoji reactions in the call: a Raise hand / Lower hand toggle, a group of
 * "React 👍" buttons, and who has a hand up or just reacted in this room. The buttons only put
 * this member's own hand and reactions in the social store; the lobby service publishes them
 * (lobby-signals.ts), and what peers say arrives checked and throttled. Names come from the
 * directory; who is in the room from the server's occupancy. Also the hooks tiles use.
 */
import { useMemo } from 'react'
import { HandIcon, ReactionIcon } from '../ui/ReactionIcon.tsx'
import { REACTION_LIMIT, REACTION_WINDOW_MS, reactions, type Reaction } from '../../protocol/presence.ts'
import { useFloor, usePresence, useSession, useSocial } from '../app/context.tsx'
import { displayName, occupantsOf } from '../stores/presence/selectors.ts'
import { handRaised, raisedHandsIn } from '../stores/social/selectors.ts'
import { createPeerThrottle } from '../stores/social/throttle.ts'
import type { ShownReaction } from '../stores/social/signals.ts'

/** Whether `identity` has a hand up in the room they are in (for a tile's hand badge). */
export function useHandRaised(identity: string): boolean {
  const me = useSession((s) => s.me?.id ?? null)
  const hands = useSocial((s) => s.hands)
  return usePresence((s) => handRaised(hands, s, identity, me))
}

/** The reaction `identity` is showing now, if any (for a tile's reaction bubble; fades by itself). */
export function useReaction(identity: string): ShownReaction | undefined {
  return useSocial((s) => s.reactions[identity])
}

const listStyle = { listStyle: 'none', margin: 0, padding: 0, display: 'flex', flexWrap: 'wrap', gap: 'var(--space-2, 8px)' } as const

export function Reactions() {
  const me = useSession((s) => s.me?.id ?? null)
  const room = usePresence((s) => s.self.room)
  const occupancy = usePresence((s) => s.occupancy)
  const hands = useSocial((s) => s.hands)
  const shown = useSocial((s) => s.reactions)
  const setHand = useSocial((s) => s.setHand)
  const react = useSocial((s) => s.react)
  const members = useFloor((s) => s.members)
  // The same budget others allow this member: what it shows here is what they see.
  const budget = useMemo(() => createPeerThrottle(REACTION_LIMIT, REACTION_WINDOW_MS), [])

  if (!me || !room) return null
  const where = { occupancy, self: { room } }
  const raised = hands[me]?.room === room
  const handsUp = raisedHandsIn(hands, where, room, me)
  const reacting = occupantsOf(where, room, me).flatMap((id) => {
    const r = shown[id]
    return r ? [{ id, r }] : []
  })
  const name = (id: string) => (id === me ? 'You' : displayName(members, id))
  const send = (emoji: Reaction) => budget.allow(me) && react(me, emoji)

  return (
    <div className="call-reactions">
      <div className="controls" role="group" aria-label="Reactions">
        <button type="button" aria-pressed={raised} onClick={() => setHand(me, raised ? null : room)}>
          <HandIcon /> {raised ? 'Lower hand' : 'Raise hand'}
        </button>
        {reactions.map((emoji) => (
          <button key={emoji} type="button" aria-label={`React ${emoji}`} title={`React ${emoji}`} onClick={() => send(emoji)}>
            <ReactionIcon emoji={emoji} />
          </button>
        ))}
      </div>
      {handsUp.length > 0 && (
        <ul aria-label="Raised hands" style={listStyle}>
          {handsUp.map((id) => (
            <li key={id}>
              <HandIcon size={14} /> <bdi>{name(id)}</bdi>
            </li>
          ))}
        </ul>
      )}
      {reacting.length > 0 && (
        <ul aria-label="Reactions in the call" style={listStyle}>
          {reacting.map(({ id, r }) => (
            <li key={`${id}:${r.seq}`}>
              <bdi>{name(id)}</bdi> <ReactionIcon emoji={r.emoji} size={14} />
              <span className="visually-hidden">{r.emoji}</span>
            </li>
          ))}
        </ul>
      )}
    </div>
  )
}
