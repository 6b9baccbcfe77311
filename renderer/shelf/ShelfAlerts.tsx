/** Comments on shelves this member hears of (their desk's, the shelves they follow), each with Open and Dismiss. */
import { useFloor } from '../app/context.tsx'
import { displayName } from '../stores/presence/selectors.ts'
import { shelfStore, useShelves } from './shelf-store.ts'

export function ShelfAlerts() {
  const alerts = useShelves((s) => s.alerts)
  const members = useFloor((s) => s.members)
  if (alerts.length === 0) return null
  return (
    <div className="shelf-alerts" role="region" aria-label="Shelf comments">
      {alerts.map((a) => {
        const who = a.comment.authorId ? displayName(members, a.comment.authorId) : 'Someone'
        const s = shelfStore.getState()
        return (
          <div key={a.comment.id} className="shelf-alert" role="alert">
            <p>
              <strong>{who}</strong> commented on <strong>{a.item.title}</strong> on the shelf of {a.placeName}: <q>{a.comment.body.slice(0, 200)}</q>
            </p>
            <button type="button" onClick={() => (s.dismiss(a.comment.id), s.show(a.placeId, a.item.id))}>
              Open
            </button>
            <button type="button" aria-label={`Dismiss the comment on ${a.item.title}`} onClick={() => s.dismiss(a.comment.id)}>
              ×
            </button>
          </div>
        )
      })}
    </div>
  )
}
