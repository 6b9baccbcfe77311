/** What the floor draws for one person, and when two such views draw the same avatar. */
import type { Status } from '../../protocol/presence.ts'

export interface PersonView {
  id: string
  /** From the member directory, never the peer's own LiveKit name. */
  name: string
  label: string
  colour: string
  status: Status
  /** Remembered from the cache, not live: drawn faded, named with the time it is from. */
  stale?: boolean
  /** Resting position from presence; undefined for this member (the walker places them). */
  at?: { x: number; y: number }
  /** A profile photo, drawn over the initials when the member record has one. */
  photoUrl?: string
}

/**
 * Everyone's view is rebuilt whenever anyone's presence changes (a resting position arrives ~20 times a
 * second in a busy office), so a person is compared by what is drawn, not by identity: only the
 * avatar that changed re-renders, not all 500.
 */
export const samePerson = (a: PersonView, b: PersonView): boolean => {
  const keys = Object.keys(a) as (keyof PersonView)[]
  if (keys.length !== Object.keys(b).length) return false
  for (const k of keys) if (k !== 'at' && a[k] !== b[k]) return false
  return a.at?.x === b.at?.x && a.at?.y === b.at?.y
}
