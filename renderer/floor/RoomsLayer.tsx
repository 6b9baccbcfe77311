import { memo, useRef } from 'react'
import { useOffice } from '../app/context.tsx'
import type { Room } from '../../protocol/floor/records.ts'
import { FloorDefs } from './FloorDefs.tsx'
import { LockIcon, UsersIcon } from './FloorIcons.tsx'
import { roomName } from './labels.ts'
import { RoomArt } from './RoomArt.tsx'
import { RovingGroup } from './RovingGroup.tsx'
import { RoomEventCard } from '../events/RoomEventCard.tsx'
import { useCompanyName } from '../companies/companies-store.ts'
import '../companies/room-sign.css'
import './floor.css'

/** How long the pointer (or focus) rests on a room before its call is prepared: a pass-over costs nothing. */
const DWELL_MS = 150

const RoomButton = memo(function RoomButton(props: { room: Room; occupants: number; here: boolean; selected: boolean; onWalk(id: string, shift: boolean): void; onApproach?: ((id: string) => void) | undefined }) {
  const { room, occupants, here, selected, onApproach } = props
  // Connect before the door: resting on a room fetches its token and warms the connection.
  const dwell = useRef<ReturnType<typeof setTimeout> | null>(null)
  const approach = onApproach && !here ? () => (dwell.current ??= setTimeout(() => onApproach(room.id), DWELL_MS)) : undefined
  const pass = () => {
    if (dwell.current) clearTimeout(dwell.current)
    dwell.current = null
  }
  // A press is intent enough: the call is prepared at once, while the button is still down.
  const press = onApproach && !here ? (e: React.PointerEvent) => e.button === 0 && (pass(), onApproach(room.id)) : undefined
  const box = { left: room.x, top: room.y, width: room.width, height: room.height }
  // A company's room (issue 13) says whose it is on its sign, and in its name.
  const company = useCompanyName(room.companyId)
  const whose = company ? `${company}${room.companyOnly ? ' only' : ''}` : null
  const name = `${roomName(room, occupants)}${whose ? `, ${whose}` : ''}`
  // The button shows only the room's name (on the sign at its top wall), which its accessible name
  // contains (WCAG 2.5.3, "label in name"); the lock and count beside it are decoration for sighted
  // users, said in full by the accessible name.
  return (
    <>
      <button
        type="button"
        tabIndex={-1}
        data-roving={room.id}
        data-x={room.x + room.width / 2}
        data-y={room.y + room.height / 2}
        className={`room room-${room.kind}${here ? ' room-here' : ''}${selected ? ' item-selected' : ''}`}
        style={box}
        aria-label={selected ? `${name}, selected` : name}
        // Its card (issue 14: shelf, board, bookings, whiteboard): renderer/places/FloorPlaces.tsx.
        aria-keyshortcuts="Shift+F10"
        onClick={(e) => props.onWalk(room.id, e.shiftKey)}
        onPointerEnter={approach}
        onFocus={approach}
        onPointerLeave={pass}
        onPointerDown={press}
        onBlur={pass}
      >
        {/* Element Timing: when the floor's first text reached the screen (npm run bench, cold start). */}
        <span className="room-name" elementtiming="office:floor">
          {room.name}
          {whose && <span className="room-company">{whose}</span>}
        </span>
      </button>
      <span className="room-meta" aria-hidden="true" style={{ left: room.x + 10, top: room.y + room.height - 30 }}>
        {room.locked && (
          <LockIcon className="room-lock" size={14} role="img" aria-label="Locked">
            <title>Locked</title>
          </LockIcon>
        )}
        <UsersIcon size={14} />
        <span>
          {occupants}/{room.capacity}
        </span>
      </span>
      <RoomEventCard room={room} />
    </>
  )
})

/**
 * Every room, one Tab stop; a room's name says how many are inside and whether it is locked.
 * The drawing (walls, floors, furniture) and the floor's shared SVG definitions are rendered here
 * too, under the buttons, so the floor view itself need not know about them.
 */
export const RoomsLayer = memo(function RoomsLayer(props: {
  rooms: readonly Room[]
  /** The floor's size: doors face its centre. */
  width: number
  height: number
  occupancy: ReadonlyMap<string, number>
  here: string | null
  /** While editing: the selected rooms. */
  selected?: ReadonlySet<string> | undefined
  onWalk(roomId: string, shift: boolean): void
  onFocusItem(el: HTMLElement): void
}) {
  const office = useOffice()
  const editing = props.selected !== undefined
  return (
    <>
      <FloorDefs />
      <RoomArt rooms={props.rooms} width={props.width} height={props.height} />
      <RovingGroup label="Rooms" className="layer" onFocusItem={props.onFocusItem}>
        {props.rooms.map((room) => (
          <RoomButton key={room.id} room={room} occupants={props.occupancy.get(room.id) ?? 0} here={room.id === props.here} selected={props.selected?.has(room.id) ?? false} onWalk={props.onWalk} onApproach={editing ? undefined : office.prefetchRoom} />
        ))}
      </RovingGroup>
    </>
  )
})
