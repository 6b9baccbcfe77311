/** The office: the floor plan, who is here, and the room call when in a room. */
import { useState } from 'react'
import { FloorView } from '../../floor/FloorView.tsx'
import { Stage } from '../../media/Stage.tsx'
import { ConnectionBar } from '../../ui/ConnectionBar.tsx'
import { InviteDialog } from '../../ui/InviteDialog.tsx'
import { People } from '../../ui/People.tsx'
import { useOffice, usePresence, useSession } from '../context.tsx'

export function OfficeScreen() {
  const office = useOffice()
  const workspace = useSession((s) => s.workspace)
  const me = useSession((s) => s.me)
  const inRoom = usePresence((s) => s.self.room !== null)
  const [inviting, setInviting] = useState(false)
  const isHost = me?.role === 'owner' || me?.role === 'host'

  return (
    <div className="office">
      <header className="topbar">
        <h1>{workspace?.name || 'Office'}</h1>
        <ConnectionBar />
        <div className="topbar-actions">
          {isHost && (
            <button type="button" onClick={() => setInviting(true)}>
              Invite people
            </button>
          )}
          <span className="me">{me?.name}</span>
          <button type="button" onClick={() => void office.signOut()}>
            Sign out
          </button>
        </div>
      </header>
      <div className="office-body">
        <FloorView />
        <aside className="side" aria-label="People and call">
          {inRoom && <Stage />}
          <People />
        </aside>
      </div>
      {inviting && <InviteDialog onClose={() => setInviting(false)} />}
    </div>
  )
}
