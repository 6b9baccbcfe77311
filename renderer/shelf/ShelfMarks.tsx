/**
 * Issue 14: a small mark on each room and desk whose shelf holds something, one layer over the
 * floor (decoration: the place's card says the same in words). The counts are read once (again
 * after a reconnect) and kept live by the shelf notices between. It also holds, outside the floor's
 * transform, the comment alerts and the open shelf: a shelf opens from a card (ShelfButton) or from
 * an alert's Open.
 */
import { Suspense, useEffect } from 'react'
import { lazyPart } from '../ui/lazy-part.ts'
import { createPortal } from 'react-dom'
import { DESK_SIZE, type Floor } from '../../protocol/floor/records.ts'
import { useSession } from '../app/context.tsx'
import { ShelfAlerts } from './ShelfAlerts.tsx'
import { useShelfApi } from './shelf-api.ts'
import { shelfStore, useShelves } from './shelf-store.ts'
import './shelf.css'

const ShelfDialog = lazyPart(() => import('./ShelfDialog.tsx').then((m) => ({ default: m.ShelfDialog })))

/** A shelf with papers on it, in the floor's own units. */
function ShelfIcon() {
  return (
    <svg width="16" height="16" viewBox="0 0 16 16" focusable="false">
      <rect x="3" y="1.5" width="9" height="11" rx="1" fill="var(--surface)" stroke="currentColor" strokeWidth="1.3" />
      <path d="M5 4.5h5M5 7h5M5 9.5h3" stroke="currentColor" strokeWidth="1.1" />
      <path d="M1 14.5h14" stroke="currentColor" strokeWidth="1.6" strokeLinecap="round" />
    </svg>
  )
}

export function ShelfMarks({ floor }: { floor: Floor }) {
  const api = useShelfApi()
  const counts = useShelves((s) => s.counts)
  const open = useShelves((s) => s.open)
  // Read again whenever the connection comes back: notices sent meanwhile may be lost.
  const online = useSession((s) => s.connection === 'online')
  useEffect(() => {
    if (!api) return
    let live = true
    api.counts().then((c) => live && shelfStore.getState().setCounts(c), () => undefined)
    return () => {
      live = false
    }
  }, [api, online])

  const marks: { id: string; left: number; top: number }[] = []
  if (counts) {
    for (const r of floor.rooms) if (counts[r.id]) marks.push({ id: r.id, left: r.x + r.width - 24, top: r.y + 8 })
    for (const d of floor.desks) if (counts[d.id]) marks.push({ id: d.id, left: d.x + DESK_SIZE / 2 - 10, top: d.y - DESK_SIZE / 2 - 10 })
  }
  return (
    <>
      <div className="layer shelf-marks" aria-hidden="true">
        {marks.map((m) => (
          <span key={m.id} className="shelf-mark" data-place={m.id} style={{ left: m.left, top: m.top }}>
            <ShelfIcon />
          </span>
        ))}
      </div>
      {createPortal(
        <>
          <ShelfAlerts />
          {open && api && (
            <Suspense fallback={null}>
              <ShelfDialog key={open.placeId} api={api} placeId={open.placeId} itemId={open.itemId} onClose={() => shelfStore.getState().close()} />
            </Suspense>
          )}
        </>,
        document.body,
      )}
    </>
  )
}
