/**
 * The top bar's buttons of the parts that load on demand, in one chunk after the first paint: the
 * chat (issue 12); the directory, events and companies (issue 13); the board and the calendar
 * (issue 14). Each shows its region in the office body; none is needed to draw the floor. The
 * desktop app's bridge to the host starts here too, once signed in.
 */
import { useEffect, type RefObject } from 'react'
import { BoardMount } from '../../board/BoardMount.tsx'
import { CalendarMount } from '../../calendar/CalendarMount.tsx'
import { ChatMount } from '../../chat/ChatMount.tsx'
import { CompaniesMount } from '../../companies/CompaniesMount.tsx'
import { DirectoryMount } from '../../directory/DirectoryMount.tsx'
import { EventsMount } from '../../events/EventsMount.tsx'
import { useComposition } from '../context.tsx'

/**
 * The desktop app (issue 15): the tray, OS notices' actions, the global mute shortcut and deep
 * links, connected once signed in (renderer/app/desktop-bridge.ts), in Electron only.
 */
function DesktopBridge() {
  const composition = useComposition()
  useEffect(() => {
    if (!composition.platform.desktop) return
    let live = true
    let stop: (() => void) | null = null
    void import('../desktop-bridge.ts')
      .then((m) => m.startDesktopBridge(composition))
      .then((s) => (live ? (stop = s) : s()))
      .catch(() => undefined)
    return () => {
      live = false
      stop?.()
    }
  }, [composition])
  return null
}

export function TopBarMounts({ body }: { body: RefObject<HTMLElement | null> }) {
  return (
    <>
      <DesktopBridge />
      <ChatMount body={body} />
      <DirectoryMount body={body} />
      <EventsMount body={body} />
      <CompaniesMount body={body} />
      <BoardMount body={body} />
      <CalendarMount body={body} />
    </>
  )
}
