/**
 * Issue 13: the card of an event running in a room, drawn on the room. The rooms layer is in the
 * start-up bundle, which has a budget: the card and the events store load on demand, after the
 * first paint (nothing shows until events have loaded anyway).
 */
import { lazy, Suspense } from 'react'
import type { Room } from '../../protocol/floor/records.ts'

const Body = lazy(() => import('./RoomEventCardBody.tsx').then((m) => ({ default: m.RoomEventCardBody })))

export function RoomEventCard({ room }: { room: Room }) {
  return (
    <Suspense fallback={null}>
      <Body room={room} />
    </Suspense>
  )
}
