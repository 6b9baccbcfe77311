/**
 * The floor plan: rooms and desks as buttons (click or Enter walks there), avatars on top, scaled to
 * fit. Arrow keys or WASD walk this member's avatar whenever focus is not in a text field.
 */
import { useEffect, useMemo, useRef, useState } from 'react'
import { DESK_SIZE } from '../../protocol/floor/records.ts'
import { useFloor, useOffice, usePresence, useSession } from '../app/context.tsx'
import { currentFloor } from '../stores/floor/selectors.ts'
import { Avatar } from './Avatar.tsx'
import { deskName, roomName } from './labels.ts'
import type { Direction } from './walker.ts'

const KEYS: Record<string, Direction> = {
  ArrowUp: 'up', ArrowDown: 'down', ArrowLeft: 'left', ArrowRight: 'right',
  w: 'up', s: 'down', a: 'left', d: 'right', W: 'up', S: 'down', A: 'left', D: 'right',
}

const typingIn = (el: EventTarget | null) =>
  el instanceof HTMLElement && (el.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(el.tagName) || !!el.closest('dialog'))

function useKeyboardWalking() {
  const office = useOffice()
  useEffect(() => {
    const walker = office.walker()
    const down = (e: KeyboardEvent) => {
      const dir = KEYS[e.key]
      if (!dir || e.altKey || e.ctrlKey || e.metaKey || typingIn(e.target)) return
      e.preventDefault()
      walker.press(dir)
    }
    const up = (e: KeyboardEvent) => {
      const dir = KEYS[e.key]
      if (dir) walker.release(dir)
    }
    const blur = () => (['up', 'down', 'left', 'right'] as const).forEach((d) => walker.release(d))
    window.addEventListener('keydown', down)
    window.addEventListener('keyup', up)
    window.addEventListener('blur', blur)
    return () => {
      window.removeEventListener('keydown', down)
      window.removeEventListener('keyup', up)
      window.removeEventListener('blur', blur)
    }
  }, [office])
}

function useFitScale(width: number, height: number) {
  const ref = useRef<HTMLElement>(null)
  const [scale, setScale] = useState(1)
  useEffect(() => {
    const el = ref.current
    if (!el) return
    const fit = () => setScale(Math.max(0.2, Math.min(2, (el.clientWidth - 16) / width, (el.clientHeight - 16) / height)))
    fit()
    const observer = new ResizeObserver(fit)
    observer.observe(el)
    return () => observer.disconnect()
  }, [width, height])
  return { ref, scale }
}

export function FloorView() {
  const office = useOffice()
  const floor = useFloor(currentFloor)
  const members = useFloor((s) => s.members)
  const peers = usePresence((s) => s.peers)
  const self = usePresence((s) => s.self)
  const me = useSession((s) => s.me)
  const { ref, scale } = useFitScale(floor?.width ?? 1000, floor?.height ?? 600)
  useKeyboardWalking()

  const serverOccupancy = usePresence((s) => s.occupancy)
  const occupancy = useMemo(() => {
    // The server's word (from LiveKit) joined with what people announce, which arrives a moment earlier.
    const inside = new Map<string, Set<string>>()
    const add = (room: string, id: string) => inside.set(room, (inside.get(room) ?? new Set()).add(id))
    for (const [room, ids] of Object.entries(serverOccupancy)) for (const id of ids) add(room, id)
    for (const p of Object.values(peers)) if (p.room) add(p.room, p.id)
    if (self.room && me) add(self.room, me.id)
    return new Map([...inside].map(([room, ids]) => [room, ids.size]))
  }, [serverOccupancy, peers, self.room, me])

  if (!floor) {
    return (
      <section className="floor-wrap" aria-label="Floor plan" ref={ref}>
        <p>Loading the floor plan…</p>
      </section>
    )
  }

  const sitterOf = (assigneeId: string | null) => {
    if (!assigneeId) return null
    if (assigneeId === me?.id) return { name: me.name, status: self.status }
    const peer = peers[assigneeId]
    const name = peer?.name ?? members[assigneeId]?.name ?? 'Someone'
    return { name, status: peer ? peer.status : ('offline' as const) }
  }

  return (
    <section className="floor-wrap" aria-label={`Floor plan: ${floor.name}`} ref={ref}>
      <div className="floor" style={{ width: floor.width, height: floor.height, transform: `scale(${scale})` }}>
        {floor.rooms.map((room) => (
          <button
            key={room.id}
            type="button"
            className={`room room-${room.kind}${self.room === room.id ? ' room-here' : ''}`}
            style={{ left: room.x, top: room.y, width: room.width, height: room.height }}
            aria-label={roomName(room, occupancy.get(room.id) ?? 0)}
            onClick={() => office.goToRoom(room.id)}
          >
            <span className="room-name" aria-hidden="true">
              {room.name}
              {room.locked ? ' 🔒' : ''}
            </span>
          </button>
        ))}
        {floor.desks.map((desk) => (
          <button
            key={desk.id}
            type="button"
            className={`desk${desk.assigneeId === me?.id ? ' desk-mine' : ''}`}
            style={{ left: desk.x - DESK_SIZE / 2, top: desk.y - DESK_SIZE / 2, width: DESK_SIZE, height: DESK_SIZE }}
            aria-label={deskName(desk.label, sitterOf(desk.assigneeId))}
            onClick={() => office.goToDesk(desk.id)}
            onDoubleClick={() => office.goToDesk()}
          >
            <span aria-hidden="true">{desk.label}</span>
          </button>
        ))}
        {Object.values(peers)
          .filter((p) => p.floor === floor.id || p.floor === '')
          .map((p) => (
            <Avatar key={p.id} name={p.name} colour={members[p.id]?.colour ?? '#868e96'} status={p.status} x={p.x} y={p.y} />
          ))}
        {me && self.floor === floor.id && <Avatar name={me.name} colour={me.colour} status={self.status} x={self.x} y={self.y} self />}
      </div>
    </section>
  )
}
