/**
 * Issue 14, over the floor: the marks of what places hold (one layer for the whole floor: thousands
 * of desks do not each mount one), and the card of a room or desk, opened by a right-click or
 * Shift+F10 (the context-menu key) on it. All of it loads after the first paint: the floor view
 * only mounts this.
 */
import { useEffect, useRef, useState } from 'react'
import { createPortal } from 'react-dom'
import type { Floor } from '../../protocol/floor/records.ts'
import { ShelfMarks } from '../shelf/ShelfMarks.tsx'
import { PlaceCard } from './PlaceCard.tsx'

export function FloorPlaces({ floor, editing }: { floor: Floor; editing: boolean }) {
  const anchor = useRef<HTMLSpanElement>(null)
  const [card, setCard] = useState<string | null>(null)
  const [wrap, setWrap] = useState<HTMLElement | null>(null)

  useEffect(() => {
    const viewport = anchor.current?.closest<HTMLElement>('.viewport')
    setWrap(anchor.current?.closest<HTMLElement>('.floor-wrap') ?? null)
    if (!viewport || editing) return
    const open = (e: MouseEvent) => {
      const id = (e.target as HTMLElement).closest<HTMLElement>('.room, .desk')?.dataset.roving
      if (!id) return
      e.preventDefault()
      setCard(id)
    }
    viewport.addEventListener('contextmenu', open)
    return () => viewport.removeEventListener('contextmenu', open)
  }, [editing])

  return (
    <>
      <span ref={anchor} hidden />
      <ShelfMarks floor={floor} />
      {card && wrap && createPortal(<PlaceCard id={card} floor={floor} onClose={() => setCard(null)} />, wrap)}
    </>
  )
}
