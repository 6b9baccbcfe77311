/** Reminders of events this member RSVPed to, each with Go to room (which walks there) and Dismiss. */
import { useStore } from 'zustand'
import type { CommunityEvent } from '../../protocol/community.ts'
import { useFloor } from '../app/context.tsx'
import { eventsStore } from './events-store.ts'

export function Reminders({ reminders, onGo, onDismiss }: { reminders: CommunityEvent[]; onGo(e: CommunityEvent): void; onDismiss(id: string): void }) {
  const floors = useFloor((s) => s.floors)
  const now = useStore(eventsStore, (s) => s.now)
  if (reminders.length === 0) return null
  const roomName = (id: string) => floors.flatMap((f) => f.rooms).find((r) => r.id === id)?.name ?? 'its room'
  return (
    <div className="event-reminders" role="region" aria-label="Event reminders">
      {reminders.map((e) => {
        const minutes = Math.ceil((e.startsAt - now) / 60_000)
        const when = minutes > 0 ? `starts in ${minutes} minute${minutes === 1 ? '' : 's'}` : 'has started'
        return (
          <div key={e.id} className="event-reminder" role="alert">
            <p>
              <strong>{e.title}</strong> {when} in {roomName(e.roomId)}.
            </p>
            <button type="button" onClick={() => onGo(e)}>
              Go to room
            </button>
            <button type="button" aria-label={`Dismiss the reminder of ${e.title}`} onClick={() => onDismiss(e.id)}>
              ×
            </button>
          </div>
        )
      })}
    </div>
  )
}
