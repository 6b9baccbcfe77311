/**
 * Issue 14: on a room's card, its bookings (the card is on demand; this part's body too, so a room
 * card that shows no bookings loads none of the calendar).
 */
import { Suspense } from 'react'
import { lazyPart } from '../ui/lazy-part.ts'
import type { Place } from '../places/place.ts'

const Body = lazyPart(() => import('./PlaceBookingsBody.tsx').then((m) => ({ default: m.PlaceBookingsBody })))

export function PlaceBookings({ place }: { place: Place }) {
  if (place.kind !== 'room') return null
  return (
    <Suspense fallback={null}>
      <Body roomId={place.id} name={place.name} />
    </Suspense>
  )
}
