/**
 * Issue 14: a room's or a desk's card, opened by a right-click or Shift+F10 (the context-menu key)
 * on it. It gathers what the place holds, each part in its own section: who there works on what,
 * the room's bookings, its whiteboard's thumbnail, and the Shelf of notes and files.
 */
import { useEffect, useRef } from 'react'
import { PlaceBoard } from '../board/PlaceBoard.tsx'
import { PlaceBookings } from '../calendar/PlaceBookings.tsx'
import { ShelfButton } from '../shelf/ShelfButton.tsx'
import { RoomThumbnail } from '../whiteboard/RoomThumbnail.tsx'
import type { Floor } from '../../protocol/floor/records.ts'
import { placeOn, type Place } from './place.ts'
import './places.css'

/** The card of room or desk `id` on `floor`; nothing once the place is gone from the floor. */
export function PlaceCard({ id, floor, onClose }: { id: string; floor: Floor; onClose(): void }) {
  const place = placeOn(floor, id)
  return place ? <Card place={place} onClose={onClose} /> : null
}

function Card({ place, onClose }: { place: Place; onClose(): void }) {
  const close = useRef<HTMLButtonElement>(null)
  useEffect(() => close.current?.focus(), [place.id])
  const title = place.kind === 'room' ? place.name : `Desk ${place.name}`
  return (
    <section className="place-card" aria-label={`About ${title}`} onKeyDown={(e) => e.key === 'Escape' && (e.stopPropagation(), onClose())}>
      <header className="place-card-head">
        <h2>{title}</h2>
        <button ref={close} type="button" aria-label={`Close the card of ${title}`} onClick={onClose}>
          ×
        </button>
      </header>
      {place.kind === 'room' && <RoomThumbnail place={place} />}
      {place.kind === 'room' && <PlaceBookings place={place} />}
      <PlaceBoard place={place} />
      <div className="controls">
        <ShelfButton place={place} onClose={onClose} />
      </div>
    </section>
  )
}
