/**
 * Issue 13: the top bar's Events button, the Events region it shows in the office body (through a
 * portal, as the chat's), and the reminders of events this member RSVPed to, with Go to room. The
 * events are kept in events-store.ts, which the cards on rooms read too.
 */
import { Suspense, useState, type RefObject } from 'react'
import { lazyPart } from '../ui/lazy-part.ts'
import { createPortal } from 'react-dom'
import { useOffice } from '../app/context.tsx'
import { EventsProvider } from './context.tsx'
import { Reminders } from './Reminders.tsx'
import { useCommunityApi } from './useCommunityApi.ts'
import { useEventsSync } from './useEventsSync.ts'
import './events.css'

const EventsRegion = lazyPart(() => import('./EventsRegion.tsx').then((m) => ({ default: m.EventsRegion })))

export function EventsMount({ body }: { body: RefObject<HTMLElement | null> }) {
  const office = useOffice()
  const api = useCommunityApi()
  const { reminders, dismiss, reload } = useEventsSync(api)
  const [shown, setShown] = useState(false)
  const toggle = () => {
    // Opening the region reads the lists again: notices may have been missed while away.
    if (!shown) reload()
    setShown(!shown)
  }
  return (
    <>
      <button type="button" aria-expanded={shown} onClick={toggle}>
        Events
      </button>
      {shown &&
        api &&
        body.current &&
        createPortal(
          <EventsProvider api={api}>
            <Suspense fallback={null}>
              <EventsRegion onClose={() => setShown(false)} />
            </Suspense>
          </EventsProvider>,
          body.current,
        )}
      {createPortal(
        <Reminders
          reminders={reminders}
          onGo={(e) => {
            dismiss(e.id)
            office.walking.goToRoom(e.roomId)
          }}
          onDismiss={dismiss}
        />,
        document.body,
      )}
    </>
  )
}
