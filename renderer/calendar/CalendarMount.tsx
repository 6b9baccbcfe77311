/**
 * Issue 14: the top bar's Calendar button and the Calendar region it shows in the office body
 * (through a portal, as the Events region), loaded when first opened. Always on: the member's
 * status following the calendar ("In <event>" while an event they said yes to runs).
 */
import { Suspense, useMemo, useState, type RefObject } from 'react'
import { lazyPart } from '../ui/lazy-part.ts'
import { createPortal } from 'react-dom'
import { useComposition, useSession } from '../app/context.tsx'
import { EventsProvider } from '../events/context.tsx'
import { useServerUrl } from '../app/usePartApi.ts'
import { useCommunityApi } from '../events/useCommunityApi.ts'
import { createCalendarApi } from './calendar-api.ts'
import { useCalendarStatus } from './useCalendarStatus.ts'
import './calendar.css'

const CalendarRegion = lazyPart(() => import('./CalendarRegion.tsx').then((m) => ({ default: m.CalendarRegion })))

export function CalendarMount({ body }: { body: RefObject<HTMLElement | null> }) {
  const { stores } = useComposition()
  const url = useServerUrl()
  const ws = useSession((s) => s.workspace?.id ?? null)
  const community = useCommunityApi()
  const api = useMemo(() => (url !== null && ws ? createCalendarApi(url, ws, () => stores.session.getState().token) : null), [url, ws, stores])
  const [shown, setShown] = useState(false)
  useCalendarStatus()
  return (
    <>
      <button type="button" aria-expanded={shown} onClick={() => setShown(!shown)}>
        Calendar
      </button>
      {shown &&
        api &&
        community &&
        body.current &&
        createPortal(
          <EventsProvider api={community}>
            <Suspense fallback={null}>
              <CalendarRegion api={api} onClose={() => setShown(false)} />
            </Suspense>
          </EventsProvider>,
          body.current,
        )}
    </>
  )
}
