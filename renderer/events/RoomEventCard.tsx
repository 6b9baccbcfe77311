/**
 * Issue 13: the card of an event running in a room, drawn on the room. The rooms layer is in the
 * start-up bundle, which has a budget: the card and the events store load on demand, after the
 * first paint (nothing shows until events have loaded anyway).
 */
import { Suspense } from 'react'
import { lazyPart } from '../ui/lazy-part.ts'
import type { Room } from '../../protocol/floor/records.ts'

const Body = lazyPart(() => import('./RoomEventCardBody.tsx').then((m) => ({ default: m.RoomEventCardBody })))

export function RoomEventCard({ room }: { room: Room }) {
  return (
    <Suspense fallback={null}>
      <Body room={room} />
    </Suspense>
  )
}
