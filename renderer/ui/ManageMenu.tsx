/**
 * Hosts' tools that are not used every hour, behind one **Manage** button in the top bar: invite
 * people, people and invites, and space usage. A disclosure, not a menu: its items are ordinary
 * buttons, and it stays open while the dialog an item opened is up, so that closing the dialog
 * gives the keyboard back to that item. Escape or Manage closes it. Loaded for hosts only.
 */
import { useId, useRef, useState } from 'react'

export type ManageItem = 'invite' | 'people' | 'usage'

const ITEMS: { id: ManageItem; label: string }[] = [
  { id: 'invite', label: 'Invite people' },
  { id: 'people', label: 'People and invites' },
  { id: 'usage', label: 'Space usage' },
]

export function ManageMenu({ onChoose }: { onChoose(item: ManageItem): void }) {
  const [open, setOpen] = useState(false)
  const list = useId()
  const toggle = useRef<HTMLButtonElement>(null)
  return (
    <div className="manage">
      <button ref={toggle} type="button" aria-expanded={open} aria-controls={list} onClick={() => setOpen(!open)}>
        Manage
      </button>
      <div
        id={list}
        className="manage-list"
        hidden={!open}
        onKeyDown={(e) => {
          if (e.key !== 'Escape') return
          setOpen(false)
          toggle.current?.focus()
        }}
      >
        {ITEMS.map((item) => (
          <button key={item.id} type="button" aria-haspopup="dialog" onClick={() => onChoose(item.id)}>
            {item.label}
          </button>
        ))}
      </div>
    </div>
  )
}
