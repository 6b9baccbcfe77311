/**
 * A raised hand and a reaction over an avatar. Loaded the first time someone raises a hand or
 * reacts, so the icons stay out of the start-up bundle; the avatar's name says "hand raised" and
 * the RoomAnnouncer says the reaction, so these are hidden from screen readers.
 */
import { HandIcon, ReactionIcon } from '../ui/ReactionIcon.tsx'
import type { AvatarSignal } from './useAvatarSignals.ts'

export function AvatarBadges({ signal }: { signal: AvatarSignal }) {
  return (
    <>
      {signal.hand ? (
        <span className="avatar-hand" aria-hidden="true">
          <HandIcon size={12} />
        </span>
      ) : null}
      {/* Keyed by the reaction: a new one restarts its fade. */}
      {signal.reaction ? (
        <span key={signal.reaction.seq} className="avatar-reaction" data-reaction={signal.reaction.emoji} aria-hidden="true">
          <ReactionIcon emoji={signal.reaction.emoji} size={14} />
        </span>
      ) : null}
    </>
  )
}
