/**
 * The minimap: when the floor does not fit in the window at this zoom, a small overview in the
 * corner shows the rooms, where you are, and the part of the floor on screen. Clicking it centres
 * the view there. It is a pointer shortcut only (aria-hidden): the keyboard has Find me, the zoom
 * keys and walking, which keep the view on you.
 */
import { memo, type PointerEvent as ReactPointerEvent } from 'react'
import type { Room } from '../../protocol/floor/records.ts'
import type { Camera } from './camera.ts'

/** The largest the overview is drawn, in screen pixels. */
const MAX_W = 200
const MAX_H = 130

const Rooms = memo(function Rooms({ rooms }: { rooms: readonly Room[] }) {
  return (
    <g className="minimap-rooms">
      {rooms.map((r) => (
        <rect key={r.id} className={`minimap-room minimap-${r.kind}`} x={r.x} y={r.y} width={r.width} height={r.height} rx={8} />
      ))}
    </g>
  )
})

export function Minimap(props: {
  floor: { width: number; height: number; rooms: readonly Room[] }
  camera: Camera
  view: { width: number; height: number }
  self: { x: number; y: number } | null
  onJump(x: number, y: number): void
}) {
  const { floor, camera, view } = props
  const scale = Math.min(MAX_W / floor.width, MAX_H / floor.height)
  const jump = (e: ReactPointerEvent<SVGSVGElement>) => {
    const rect = e.currentTarget.getBoundingClientRect()
    props.onJump(((e.clientX - rect.left) / rect.width) * floor.width, ((e.clientY - rect.top) / rect.height) * floor.height)
  }
  return (
    <div className="minimap" aria-hidden="true" data-testid="minimap">
      <svg width={Math.round(floor.width * scale)} height={Math.round(floor.height * scale)} viewBox={`0 0 ${floor.width} ${floor.height}`} onPointerDown={jump}>
        <rect className="minimap-floor" width={floor.width} height={floor.height} />
        <Rooms rooms={floor.rooms} />
        {props.self && <circle className="minimap-self" cx={props.self.x} cy={props.self.y} r={6 / scale} />}
        <rect
          className="minimap-view"
          data-testid="minimap-view"
          x={-camera.x / camera.zoom}
          y={-camera.y / camera.zoom}
          width={view.width / camera.zoom}
          height={view.height / camera.zoom}
          vectorEffect="non-scaling-stroke"
        />
      </svg>
    </div>
  )
}
