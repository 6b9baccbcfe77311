/**
 * The kinds of room "Add room" offers, as a menu: focus starts on the first kind, arrows, Home and
 * End move, Enter picks, Escape or Tab closes. Being a menu also keeps the editor's own keys
 * (arrows move the selection, Escape clears it) out of the way while it is open.
 */
import { useEffect, useRef, type KeyboardEvent } from 'react'
import type { RoomKind } from '../../../protocol/floor/records.ts'
import { roomKinds } from './placement.ts'

const kinds = Object.keys(roomKinds) as RoomKind[]

export function RoomKindMenu(props: { id: string; onPick(kind: RoomKind): void; onClose(refocus: boolean): void }) {
  const menu = useRef<HTMLDivElement>(null)
  const items = () => [...(menu.current?.querySelectorAll<HTMLElement>('[role="menuitem"]') ?? [])]
  useEffect(() => items()[0]?.focus(), [])

  const onKeyDown = (e: KeyboardEvent) => {
    const all = items()
    const at = all.indexOf(document.activeElement as HTMLElement)
    const go = (i: number) => all[(i + all.length) % all.length]?.focus()
    // The kinds are laid out in a row that may wrap: both arrow axes move.
    if (e.key === 'ArrowDown' || e.key === 'ArrowRight') go(at + 1)
    else if (e.key === 'ArrowUp' || e.key === 'ArrowLeft') go(at - 1)
    else if (e.key === 'Home') go(0)
    else if (e.key === 'End') go(all.length - 1)
    else if (e.key === 'Escape') props.onClose(true)
    else if (e.key === 'Tab') return props.onClose(false)
    else return
    e.preventDefault()
    e.stopPropagation()
  }

  return (
    <div
      ref={menu}
      id={props.id}
      role="menu"
      aria-label="Kind of room"
      className="palette-choices"
      onKeyDown={onKeyDown}
      onBlur={(e) => {
        // Focus going elsewhere closes the menu; to one of its items, or to the button that toggles it, does not.
        const next = e.relatedTarget as HTMLElement | null
        if (next && (menu.current?.contains(next) || next.getAttribute('aria-controls') === props.id)) return
        props.onClose(false)
      }}
    >
      {kinds.map((kind) => (
        <button key={kind} type="button" role="menuitem" tabIndex={-1} onClick={() => props.onPick(kind)}>
          {roomKinds[kind].label}
        </button>
      ))}
    </div>
  )
}
