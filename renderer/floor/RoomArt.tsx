/**
 * The rooms as drawn: a patterned floor per kind, a thick wall with the door left open (in the
 * wall facing the floor's centre, where walking stops too) and a threshold across it, and a lounge's sofa and plants. One SVG under the room buttons, drawn again
 * only when the rooms themselves change (never for occupancy or presence); decoration only, so it
 * takes no pointer events and is hidden from assistive technology.
 */
import { memo } from 'react'
import type { Room } from '../../protocol/floor/records.ts'
import { doorway, loungeFurniture, roomDoor, wallPath, type Side } from './room-shapes.ts'

const RoomShape = memo(function RoomShape({ room, side }: { room: Room; side: Side }) {
  const door = doorway(room, side)
  return (
    <g className={`room-art room-art-${room.kind}`}>
      <rect className="room-floor" x={room.x} y={room.y} width={room.width} height={room.height} fill={`url(#floor-${room.kind})`} />
      <path className="room-wall" d={wallPath(room, side)} />
      <line className="room-threshold" x1={door.x1} y1={door.y1} x2={door.x2} y2={door.y2} />
      {room.kind === 'lounge' &&
        loungeFurniture(room).map((p, i) => <use key={i} href={`#${p.symbol}-symbol`} x={p.x} y={p.y} width={p.width} height={p.height} />)}
    </g>
  )
})

/** `width` and `height` are the floor's: each door faces its centre (room-shapes.ts, roomDoor). */
export const RoomArt = memo(function RoomArt({ rooms, width, height }: { rooms: readonly Room[]; width: number; height: number }) {
  return (
    <svg className="floor-art" aria-hidden="true" focusable="false">
      {rooms.map((room) => (
        <RoomShape key={room.id} room={room} side={roomDoor(room, { width, height, rooms }).side} />
      ))}
    </svg>
  )
})
