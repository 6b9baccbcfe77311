/** Accessible names for the floor (what a screen reader says for each desk, room and person), and the rule that keeps desk labels upright. */
import type { Status } from '../../protocol/presence.ts'

export const statusLabel: Record<Status, string> = {
  available: 'available',
  busy: 'busy',
  away: 'away',
  dnd: 'do not disturb',
}

/** What others see: a member in a room who has not chosen another status is "in a meeting". */
export function presenceLabel(status: Status | 'offline', inRoom: boolean): string {
  if (status === 'offline') return 'offline'
  return status === 'available' && inRoom ? 'in a meeting' : statusLabel[status]
}

export const peopleCount = (n: number) => `${n} ${n === 1 ? 'person' : 'people'}`

export interface Sitter {
  name: string
  status: Status | 'offline'
  inRoom: boolean
}

export function deskName(label: string, sitter: Sitter | null): string {
  if (!sitter) return `Desk ${label}`
  return `Desk ${label}, ${sitter.name}, ${presenceLabel(sitter.status, sitter.inRoom)}`
}

export function roomName(room: { name: string; locked: boolean; kind: string; capacity: number }, occupants: number): string {
  const kind = room.kind === 'private' ? ', private office' : room.kind === 'meeting' ? '' : `, ${room.kind}`
  return `Room ${room.name}, ${peopleCount(occupants)}${room.locked ? ', locked' : ''}${kind}, capacity ${room.capacity}`
}

export function personName(p: { name: string; status: Status; statusText: string }, where: string | null, self = false): string {
  const text = p.statusText ? `, ${p.statusText}` : ''
  return `${self ? 'You, ' : ''}${p.name}, ${presenceLabel(p.status, !!where)}${text}${where ? `, in ${where}` : ''}`
}

export const initials = (name: string) =>
  name
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((w) => w[0]!.toUpperCase())
    .join('') || '?'

/** An angle in degrees as the same turn within (-180, 180]. */
export function normaliseAngle(degrees: number): number {
  const a = (((degrees % 360) + 360) % 360)
  return a > 180 ? a - 360 : a
}

/**
 * The upright-label rule: the turn to give a desk's label, drawn inside the desk's rotated frame,
 * so that it reads level on the floor whatever way the desk faces (a desk turned 180° would
 * otherwise show its number upside down). The label's effective angle, rotation + turn, is 0.
 */
export function labelTurn(rotation: number): number {
  const turn = -normaliseAngle(rotation)
  return turn === 0 ? 0 : turn
}

/** The label's spot in the desk's own frame: on the desk top, between the monitor and the front edge. */
const LABEL_OFFSET = { x: 0, y: -5 }

/**
 * Where a desk's label goes on the floor and at what angle: its spot on the desk top turned with
 * the desk, the text itself turned by the upright rule (so drawn unrotated beside the rotated desk).
 */
export function deskLabelPlacement(desk: { x: number; y: number; rotation: number }): { x: number; y: number; angle: number } {
  const r = (desk.rotation * Math.PI) / 180
  const { x: ox, y: oy } = LABEL_OFFSET
  const x = desk.x + ox * Math.cos(r) - oy * Math.sin(r)
  const y = desk.y + ox * Math.sin(r) + oy * Math.cos(r)
  const angle = normaliseAngle(desk.rotation + labelTurn(desk.rotation))
  return { x: Math.round(x * 10) / 10, y: Math.round(y * 10) / 10, angle: angle === 0 ? 0 : angle }
}

/** What fits on a desk: its label, cut short (the full label is in the desk's accessible name). */
export function deskLabelText(label: string, max = 6): string {
  const chars = [...label]
  return chars.length <= max ? label : `${chars.slice(0, max - 1).join('')}…`
}
