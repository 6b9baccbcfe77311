/**
 * The top bar's buttons of the parts that load on demand, in one chunk after the first paint: the
 * chat (issue 12); the directory, events and companies (issue 13); the board and the calendar
 * (issue 14). Each shows its region in the office body; none is needed to draw the floor.
 */
import type { RefObject } from 'react'
import { BoardMount } from '../../board/BoardMount.tsx'
import { CalendarMount } from '../../calendar/CalendarMount.tsx'
import { ChatMount } from '../../chat/ChatMount.tsx'
import { CompaniesMount } from '../../companies/CompaniesMount.tsx'
import { DirectoryMount } from '../../directory/DirectoryMount.tsx'
import { EventsMount } from '../../events/EventsMount.tsx'

export function TopBarMounts({ body }: { body: RefObject<HTMLElement | null> }) {
  return (
    <>
      <ChatMount body={body} />
      <DirectoryMount body={body} />
      <EventsMount body={body} />
      <CompaniesMount body={body} />
      <BoardMount body={body} />
      <CalendarMount body={body} />
    </>
  )
}
