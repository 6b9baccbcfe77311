/**
 * The walker moves this member's avatar: eased walks to a clicked spot, continuous walking while an
 * arrow/WASD key is held, and room-boundary detection. It runs on requestAnimationFrame outside
 * React, draws through the motion engine, and reports only what others care about: room changes,
 * movement ticks and resting points.
 */
import { roomAt } from '../../protocol/floor/geometry.ts'
import type { Floor } from '../../protocol/floor/records.ts'
import type { PresenceStore } from '../stores/presence/store.ts'
import type { Motion, Point } from './motion.ts'

export type Direction = 'up' | 'down' | 'left' | 'right'

export interface WalkerDeps {
  presence: PresenceStore
  motion: Motion
  /** The motion id of this member's avatar. */
  selfId(): string
  floor(): Floor | null
  /** Whether walking into `roomId` is allowed right now; false stops the avatar at its edge. */
  mayEnter(roomId: string): boolean
  onRoomChange(roomId: string | null, startedAt: number): void
  onMove(x: number, y: number): void
  onRest(x: number, y: number): void
  onBlocked(roomId: string): void
}

export interface Walker {
  placeAt(x: number, y: number): void
  walkTo(x: number, y: number, startedAt?: number): void
  press(dir: Direction): void
  release(dir: Direction): void
  position(): Point
  stop(): void
  dispose(): void
}

/** Floor units per second while a key is held. */
const KEY_SPEED = 320
/** A click-walk takes between these, by distance: quick enough to feel instant, slow enough to read. */
const MIN_WALK_MS = 180
const MAX_WALK_MS = 450

const ease = (t: number) => (t < 0.5 ? 2 * t * t : 1 - (-2 * t + 2) ** 2 / 2)

export function createWalker(deps: WalkerDeps): Walker {
  const held = new Set<Direction>()
  let frame: number | null = null
  let lastTick = 0
  let pos: Point = { x: 0, y: 0 }
  let walk: { from: Point; to: Point; start: number; duration: number; startedAt: number } | null = null

  const roomHere = () => deps.presence.getState().self.room

  /** Moves to (x, y) unless that crosses into a room we may not enter; returns whether it moved. */
  const step = (x: number, y: number, startedAt: number): boolean => {
    const floor = deps.floor()
    if (!floor) return false
    const next = { x: Math.min(Math.max(x, 0), floor.width), y: Math.min(Math.max(y, 0), floor.height) }
    const before = roomHere()
    const room = roomAt(floor, next.x, next.y)?.id ?? null
    if (room !== before && room !== null && !deps.mayEnter(room)) {
      deps.onBlocked(room)
      return false
    }
    pos = next
    deps.motion.moveTo(deps.selfId(), next.x, next.y)
    deps.onMove(next.x, next.y)
    if (room !== before) {
      deps.presence.getState().setSelf({ room, x: next.x, y: next.y })
      deps.onRoomChange(room, startedAt)
    }
    return true
  }

  const rest = () => {
    deps.presence.getState().setSelf({ x: pos.x, y: pos.y })
    deps.onRest(pos.x, pos.y)
  }

  const tick = (now: number) => {
    frame = null
    const dt = Math.min(0.05, (now - (lastTick || now)) / 1000)
    lastTick = now
    if (walk) {
      const t = Math.min(1, (now - walk.start) / walk.duration)
      const k = ease(t)
      const moved = step(walk.from.x + (walk.to.x - walk.from.x) * k, walk.from.y + (walk.to.y - walk.from.y) * k, walk.startedAt)
      if (!moved || t >= 1) {
        walk = null
        if (held.size === 0) return rest()
      }
    } else if (held.size > 0) {
      const dx = (held.has('right') ? 1 : 0) - (held.has('left') ? 1 : 0)
      const dy = (held.has('down') ? 1 : 0) - (held.has('up') ? 1 : 0)
      const norm = Math.hypot(dx, dy) || 1
      step(pos.x + (dx / norm) * KEY_SPEED * dt, pos.y + (dy / norm) * KEY_SPEED * dt, performance.now())
    }
    schedule()
  }

  const schedule = () => {
    if (frame === null && (walk || held.size > 0)) frame = requestAnimationFrame(tick)
  }

  return {
    placeAt(x, y) {
      walk = null
      pos = { x, y }
      const floor = deps.floor()
      const room = floor ? (roomAt(floor, x, y)?.id ?? null) : null
      deps.motion.moveTo(deps.selfId(), x, y)
      deps.presence.getState().setSelf({ x, y, room })
    },
    walkTo(x, y, startedAt = performance.now()) {
      const distance = Math.hypot(x - pos.x, y - pos.y)
      const duration = Math.min(MAX_WALK_MS, Math.max(MIN_WALK_MS, distance / 2))
      walk = { from: { ...pos }, to: { x, y }, start: performance.now(), duration, startedAt }
      lastTick = 0
      schedule()
    },
    press(dir) {
      walk = null
      if (!held.has(dir)) lastTick = 0
      held.add(dir)
      schedule()
    },
    release(dir) {
      if (!held.delete(dir)) return
      if (held.size === 0 && !walk) rest()
    },
    position: () => ({ ...pos }),
    stop() {
      walk = null
      held.clear()
    },
    dispose() {
      if (frame !== null) cancelAnimationFrame(frame)
      frame = null
      walk = null
      held.clear()
    },
  }
}
