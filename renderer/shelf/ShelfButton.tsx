/**
 * Issue 14: on a place's card, the Shelf button, and in words what the floor's mark shows: how many
 * notes and files the shelf holds. The shelf opens as a dialog (held by ShelfMarks, so that an
 * alert's Open shows it too); the card stays, and closing the shelf comes back to this button.
 */
import { useId } from 'react'
import type { Place } from '../places/place.ts'
import { shelfStore, useShelves } from './shelf-store.ts'

export const itemsInWords = (n: number) => (n === 0 ? 'Nothing on the shelf yet' : `${n} ${n === 1 ? 'item' : 'items'} on the shelf`)

export function ShelfButton({ place }: { place: Place; onClose(): void }) {
  const id = useId()
  const count = useShelves((s) => (s.counts ? (s.counts[place.id] ?? 0) : null))
  return (
    <>
      <button type="button" aria-describedby={count === null ? undefined : id} aria-haspopup="dialog" onClick={() => shelfStore.getState().show(place.id)}>
        Shelf
      </button>
      {count !== null && (
        <span id={id} className="shelf-count">
          {itemsInWords(count)}
        </span>
      )}
    </>
  )
}
