/** The office: the floor plan, who is here, the room call, and the prompts that need an answer. */
import { Suspense, useEffect, useRef, useState } from 'react'
import { useEditor, useEditorState } from '../../editor/useEditor.ts'
import { useAfterFloorPaint } from '../../floor/first-paint.ts'
import { FloorView } from '../../floor/FloorView.tsx'
import { typingIn } from '../../floor/useFloorKeys.ts'
import { ConnectionBar } from '../../ui/ConnectionBar.tsx'
import { People } from '../../ui/People.tsx'
import { StatusMenu } from '../../ui/StatusMenu.tsx'
import { useMedia, useOffice, usePresence, useSession, useSocial } from '../context.tsx'
import { CommandPalette, DoorPrompt, RoomAnnouncer, EditorSide, EditorTop, InviteDialog, ManageMenu, PeopleAdmin, Prompts, SettingsDialog, ShortcutsSheet, Call, CallFocus, TakeoverDialog, UsageDialog, warmCall } from './on-demand.ts'
import { useDevicePreferences } from '../../call/settings/use-devices.ts'
import { lazyPart } from '../../ui/lazy-part.ts'

// The top-bar buttons of the chat, directory, events, companies, board and calendar, on demand.
const TopBarMounts = lazyPart(() => import('./TopBarMounts.tsx').then((m) => ({ default: m.TopBarMounts })))

type Panel = 'invite' | 'palette' | 'shortcuts' | 'people' | 'settings' | 'usage' | null

/** Office-wide shortcuts: Ctrl/⌘+K finds, ? lists shortcuts, M and V toggle microphone and camera (hold Space to talk is the call panel's: usePushToTalk). */
function useOfficeShortcuts(open: (p: Panel) => void) {
  const office = useOffice()
  const micOn = useMedia((s) => s.micOn)
  const camOn = useMedia((s) => s.camOn)
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === 'k') {
        e.preventDefault()
        return open('palette')
      }
      if (e.defaultPrevented || e.altKey || e.ctrlKey || e.metaKey || typingIn(e.target)) return
      if (e.key === '?') open('shortcuts')
      else if (e.key === 'm' || e.key === 'M') void office.media()?.setMic(!micOn)
      else if (e.key === 'v' || e.key === 'V') void office.media()?.setCamera(!camOn)
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [office, open, micOn, camOn])
}

export function OfficeScreen() {
  const office = useOffice()
  const workspace = useSession((s) => s.workspace)
  const me = useSession((s) => s.me)
  const inRoom = usePresence((s) => s.self.room !== null)
  // What shows only when something happens loads then (a few kB, from the app's own origin).
  const atDoor = useSocial((s) => s.door !== null || s.knock !== null)
  const asked = useSocial((s) => s.prompts.length > 0)
  const takenOver = useSocial((s) => s.takenOver)
  const [panel, setPanel] = useState<Panel>(null)
  const close = () => setPanel(null)
  useOfficeShortcuts(setPanel)
  const expanded = useMedia((s) => s.expanded)
  // The call's chunk loads once the office is online, so walking into a room never waits on it.
  const online = useSession((s) => s.connection === 'online')
  useEffect(() => {
    if (online) warmCall()
  }, [online])
  useDevicePreferences()
  const isHost = me?.role === 'owner' || me?.role === 'host'
  const editor = useEditor()
  const editing = useEditorState((s) => s.editing) && isHost
  const body = useRef<HTMLElement>(null)
  // The feature buttons (and the desktop bridge) load once the floor has painted.
  const later = useAfterFloorPaint()

  return (
    <div className="office">
      <header className="topbar">
        <h1>{workspace?.name || 'Office'}</h1>
        <ConnectionBar />
        <div className="topbar-actions">
          <StatusMenu />
          {later && (
            <Suspense fallback={null}>
              <TopBarMounts body={body} />
            </Suspense>
          )}
          <button type="button" onClick={() => setPanel('palette')} aria-keyshortcuts="Control+K">
            Find…
          </button>
          {isHost && (
            <>
              <button type="button" aria-pressed={editing} onClick={() => editor.setEditing(!editing)}>
                Edit floor
              </button>
              {later && (
                <Suspense fallback={null}>
                  <ManageMenu onChoose={setPanel} />
                </Suspense>
              )}
            </>
          )}
          <button type="button" onClick={() => setPanel('settings')}>
            Settings
          </button>
          <button type="button" onClick={() => setPanel('shortcuts')} aria-keyshortcuts="?">
            Shortcuts
          </button>
          <span className="me">{me?.name}</span>
          <button type="button" onClick={() => void office.signOut()}>
            Sign out
          </button>
        </div>
      </header>
      {editing && (
        <Suspense fallback={<p role="status">Loading the editor…</p>}>
          <EditorTop />
        </Suspense>
      )}
      <main className="office-body" ref={body}>
        <FloorView />
        <Suspense fallback={null}>{inRoom && expanded && <CallFocus />}</Suspense>
        <aside className="side" aria-label="People and call">
          {/* One boundary each: a part still loading never hides another one already shown. */}
          <Suspense fallback={null}>{atDoor && <DoorPrompt />}</Suspense>
          <Suspense fallback={null}>{asked && <Prompts />}</Suspense>
          <Suspense fallback={null}>{inRoom && <Call />}</Suspense>
          {/* While editing, the editor's panels take the people list's place; the call, knocks and prompts stay. */}
          {editing ? (
            <Suspense fallback={null}>
              <EditorSide />
            </Suspense>
          ) : (
            <People />
          )}
        </aside>
      </main>
      {/* Nothing to announce before the floor is on screen: the log loads after its first paint. */}
      <Suspense fallback={null}>{later && <RoomAnnouncer />}</Suspense>
      <Suspense fallback={null}>{takenOver && <TakeoverDialog />}</Suspense>
      <Suspense fallback={null}>
        {panel === 'invite' && <InviteDialog onClose={close} />}
        {panel === 'palette' && <CommandPalette onClose={close} />}
        {panel === 'shortcuts' && <ShortcutsSheet onClose={close} />}
        {panel === 'settings' && <SettingsDialog onClose={close} />}
        {panel === 'people' && isHost && <PeopleAdmin onClose={close} />}
        {panel === 'usage' && isHost && <UsageDialog onClose={close} />}
      </Suspense>
    </div>
  )
}
