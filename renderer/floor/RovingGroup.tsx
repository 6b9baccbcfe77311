/**
 * A group of floor items reached with one Tab stop and moved through with the arrow keys by
 * position (roving tabindex). Items are any descendants with `data-roving` and `data-x`/`data-y`
 * in floor units; the group keeps exactly one of them tabbable.
 */
import { useEffect, useRef, type KeyboardEvent, type ReactNode } from 'react'
import { isArrow, nextSpot, type Spot } from './roving.ts'

export function RovingGroup(props: {
  label: string
  className?: string
  children: ReactNode
  onFocusItem?(el: HTMLElement): void
  /** Where an item is now, for items that move (people); defaults to its data-x/data-y. */
  positionOf?(id: string): { x: number; y: number } | undefined
}) {
  const ref = useRef<HTMLDivElement>(null)

  // Exactly one item is tabbable: the last focused, else the first.
  useEffect(() => {
    const el = ref.current
    if (!el || el.querySelector('[data-roving][tabindex="0"]')) return
    const first = el.querySelector<HTMLElement>('[data-roving]')
    if (first) first.tabIndex = 0
  })

  const items = () => [...(ref.current?.querySelectorAll<HTMLElement>('[data-roving]') ?? [])]
  const spotOf = (el: HTMLElement): Spot => {
    const id = el.dataset.roving!
    const live = props.positionOf?.(id)
    return { id, x: live?.x ?? Number(el.dataset.x), y: live?.y ?? Number(el.dataset.y) }
  }

  const onFocus = (e: React.FocusEvent) => {
    const target = (e.target as HTMLElement).closest<HTMLElement>('[data-roving]')
    if (!target) return
    for (const el of items()) if (el !== target && el.tabIndex === 0) el.tabIndex = -1
    target.tabIndex = 0
    props.onFocusItem?.(target)
  }

  const onKeyDown = (e: KeyboardEvent) => {
    const target = (e.target as HTMLElement).closest<HTMLElement>('[data-roving]')
    if (!target || !isArrow(e.key) || e.altKey || e.ctrlKey || e.metaKey) return
    // Arrows move between items here; the floor's own keyboard walking leaves them alone.
    e.preventDefault()
    const all = items()
    const next = nextSpot(all.map(spotOf), spotOf(target), e.key)
    all.find((el) => el.dataset.roving === next?.id)?.focus()
  }

  return (
    <div ref={ref} role="group" aria-label={props.label} className={props.className} onFocus={onFocus} onKeyDown={onKeyDown}>
      {props.children}
    </div>
  )
}
