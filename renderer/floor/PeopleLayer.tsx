import { memo, useCallback, useEffect } from 'react'
import type { Status } from '../../protocol/presence.ts'
import type { Motion } from './motion.ts'
import { initials } from './labels.ts'
import { RovingGroup } from './RovingGroup.tsx'

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
}

/** How long an avatar glides to a new resting position it learned from attributes. */
const SETTLE_MS = 300

const PersonButton = memo(function PersonButton(props: { person: PersonView; self: boolean; motion: Motion; onSelect(id: string): void }) {
  const { person, self, motion } = props
  const { id } = person
  const x = person.at?.x
  const y = person.at?.y
  useEffect(() => {
    if (x !== undefined && y !== undefined) motion.moveTo(id, x, y, SETTLE_MS)
  }, [motion, id, x, y])
  useEffect(() => () => (self ? undefined : motion.forget(id)), [motion, id, self])
  const attach = useCallback((el: HTMLDivElement | null) => (el ? motion.attach(id, el) : undefined), [motion, id])
  // The button's only visible text is drawn by CSS (initials), and the name tag sits beside it,
  // so its accessible name never contradicts what is seen (WCAG 2.5.3, "label in name").
  return (
    <div ref={attach} className={`avatar-wrap${self ? ' avatar-self' : ''}${person.stale ? ' avatar-stale' : ''}`}>
      <button
        type="button"
        tabIndex={-1}
        data-roving={id}
        data-initials={initials(person.name)}
        className="avatar"
        style={{ background: person.colour }}
        aria-label={person.label}
        title={person.name}
        onClick={() => props.onSelect(id)}
      >
        <span className={`status-dot status-${person.status}`} aria-hidden="true" />
      </button>
      <span className="avatar-name" aria-hidden="true">
        <span>
          <bdi>{person.name}</bdi>
        </span>
      </span>
    </div>
  )
})

/** Everyone on this floor, one Tab stop; positions are drawn by the motion engine, not React. */
export const PeopleLayer = memo(function PeopleLayer(props: {
  people: readonly PersonView[]
  selfId: string | null
  motion: Motion
  onSelect(id: string): void
  onFocusItem(el: HTMLElement): void
}) {
  return (
    <RovingGroup label="People" className="layer layer-people" onFocusItem={props.onFocusItem} positionOf={props.motion.get}>
      {props.people.map((p) => (
        <PersonButton key={p.id} person={p} self={p.id === props.selfId} motion={props.motion} onSelect={props.onSelect} />
      ))}
    </RovingGroup>
  )
})
