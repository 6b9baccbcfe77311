import { memo, Suspense, useCallback, useEffect, useMemo, type CSSProperties } from 'react'
import type { Motion } from './motion.ts'
import { useAvatarSignals, type AvatarSignal } from './useAvatarSignals.ts'
import { initials } from './labels.ts'
import { RADIUS, TAG_GAP, tagWidth } from './name-tags.ts'
import { RovingGroup } from './RovingGroup.tsx'
import { createTagLayout, type TagLayout } from './tag-layout.ts'
import { usePrefetchWhenIdle } from '../ui/usePrefetchWhenIdle.ts'
import './people.css'
import { lazyPart } from '../ui/lazy-part.ts'
import { samePerson, type PersonView } from './person-view.ts'

export type { PersonView }

const loadBadges = () => import('./AvatarBadges.tsx')
const AvatarBadges = lazyPart(() => loadBadges().then((m) => ({ default: m.AvatarBadges })))

/** How long an avatar glides to a new resting position it learned from attributes. */
const SETTLE_MS = 300
/** Your own tag reads "You" before your name. */
const YOU = 'You '

interface PersonButtonProps {
  person: PersonView
  self: boolean
  motion: Motion
  tags: TagLayout
  /** A raised hand, a reaction, speaking in my call: undefined for nearly everyone, so memo holds. */
  signal: AvatarSignal | undefined
  onSelect(id: string): void
}

const sameButton = (a: PersonButtonProps, b: PersonButtonProps) =>
  a.self === b.self && a.motion === b.motion && a.tags === b.tags && a.signal === b.signal && a.onSelect === b.onSelect && samePerson(a.person, b.person)

const PersonButton = memo(function PersonButton(props: PersonButtonProps) {
  const { person, self, motion, tags, signal } = props
  const speaking = !!signal?.speaking
  const { id } = person
  const x = person.at?.x
  const y = person.at?.y
  useEffect(() => {
    if (x !== undefined && y !== undefined) motion.moveTo(id, x, y, SETTLE_MS)
  }, [motion, id, x, y])
  useEffect(() => () => (self ? undefined : motion.forget(id)), [motion, id, self])
  const attach = useCallback((el: HTMLDivElement | null) => (el ? motion.attach(id, el) : undefined), [motion, id])
  const width = tagWidth(self ? YOU + person.name : person.name)
  const radius = RADIUS[self ? (speaking ? 'selfSpeaking' : 'self') : speaking ? 'speaking' : 'plain']
  const tag = useCallback((el: HTMLSpanElement | null) => (el ? tags.attach(id, el, width, radius) : undefined), [tags, id, width, radius])
  const badged = !!(signal?.hand || signal?.reaction)
  const classes = ['avatar-wrap', self && 'avatar-self', person.stale && 'avatar-stale', speaking && 'avatar-speaking', badged && 'avatar-badged'].filter(Boolean).join(' ')
  // The button's only visible text is drawn by CSS (initials), and the name tag sits beside it,
  // so its accessible name never contradicts what is seen (WCAG 2.5.3, "label in name").
  return (
    <div ref={attach} className={classes}>
      <button
        type="button"
        tabIndex={-1}
        data-roving={id}
        data-initials={initials(person.name)}
        className={`avatar ring-${person.status}`}
        style={{ background: person.colour }}
        aria-label={signal?.hand ? `${person.label}, hand raised` : person.label}
        title={person.name}
        onClick={() => props.onSelect(id)}
      >
        {person.photoUrl ? <img className="avatar-photo" src={person.photoUrl} alt="" draggable={false} /> : null}
        <span className={`status-dot status-${person.status}`} aria-hidden="true" />
      </button>
      {badged ? (
        <Suspense fallback={null}>
          <AvatarBadges signal={signal} />
        </Suspense>
      ) : null}
      <span ref={tag} className="name-tag" data-slot="below" aria-hidden="true" style={{ '--tag-w': `${width}px`, '--tag-off': `${radius + TAG_GAP}px` } as CSSProperties}>
        <span>
          {self ? <b className="you-tag">You</b> : null}
          <bdi>{person.name}</bdi>
        </span>
      </span>
    </div>
  )
}, sameButton)

/**
 * Everyone on this floor, one Tab stop; positions are drawn by the motion engine, not React, and
 * name tags are kept apart by the tag layout, also outside React.
 */
export const PeopleLayer = memo(function PeopleLayer(props: {
  people: readonly PersonView[]
  selfId: string | null
  motion: Motion
  /** Zoomed so far out that name tags are hidden (people.css): no need to place them. */
  far: boolean
  onSelect(id: string): void
  onFocusItem(el: HTMLElement): void
}) {
  const tags = useMemo(() => createTagLayout(props.motion), [props.motion])
  const signals = useAvatarSignals(props.selfId)
  // The first hand or reaction anyone shows is drawn at once.
  usePrefetchWhenIdle(loadBadges)
  useEffect(() => () => tags.dispose(), [tags])
  useEffect(() => tags.setSelf(props.selfId), [tags, props.selfId])
  useEffect(() => tags.setActive(!props.far), [tags, props.far])
  // Children attach their tags before this runs: place them now rather than at the next check.
  useEffect(() => tags.update(), [tags, props.people])
  return (
    <RovingGroup label="People" className="layer layer-people layer-placed" onFocusItem={props.onFocusItem} positionOf={props.motion.get}>
      {props.people.map((p) => (
        <PersonButton key={p.id} person={p} self={p.id === props.selfId} motion={props.motion} tags={tags} signal={signals.get(p.id)} onSelect={props.onSelect} />
      ))}
    </RovingGroup>
  )
})
