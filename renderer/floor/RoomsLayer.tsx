import { memo } from 'react'
import type { Room } from '../../protocol/floor/records.ts'
import { roomName } from './labels.ts'
import { RovingGroup } from './RovingGroup.tsx'

const kindLabel: Record<Room['kind'], string> = { meeting: 'Meeting', lounge: 'Lounge', private: 'Private office', stage: 'Stage' }

const RoomButton = memo(function RoomButton(props: { room: Room; occupants: number; here: boolean; selected: boolean; onWalk(id: string, shift: boolean): void }) {
  const { room, occupants, here, selected } = props
  const box = { left: room.x, top: room.y, width: room.width, height: room.height }
  // The button shows only the room's name, which its accessible name contains (WCAG 2.5.3,
  // "label in name"); the lock, kind and count beside it are decoration for sighted users.
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
        aria-label={selected ? `${roomName(room, occupants)}, selected` : roomName(room, occupants)}
        onClick={(e) => props.onWalk(room.id, e.shiftKey)}
      >
        <span className="room-name">{room.name}</span>
      </button>
      <span className="room-meta" aria-hidden="true" style={{ left: room.x + 8, top: room.y + room.height - 24 }}>
        {room.locked ? '🔒︎ ' : ''}
        {kindLabel[room.kind]} · {occupants}/{room.capacity}
      </span>
    </>
  )
})

/** Every room, one Tab stop; a room's name says how many are inside and whether it is locked. */
export const RoomsLayer = memo(function RoomsLayer(props: {
  rooms: readonly Room[]
  occupancy: ReadonlyMap<string, number>
  here: string | null
  /** While editing: the selected rooms. */
  selected?: ReadonlySet<string> | undefined
  onWalk(roomId: string, shift: boolean): void
  onFocusItem(el: HTMLElement): void
}) {
  return (
    <RovingGroup label="Rooms" className="layer" onFocusItem={props.onFocusItem}>
      {props.rooms.map((room) => (
        <RoomButton key={room.id} room={room} occupants={props.occupancy.get(room.id) ?? 0} here={room.id === props.here} selected={props.selected?.has(room.id) ?? false} onWalk={props.onWalk} />
      ))}
    </RovingGroup>
  )
})
