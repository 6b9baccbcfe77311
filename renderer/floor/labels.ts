/** Accessible names for the floor: what a screen reader says for each desk, room and person. */
import type { Status } from '../../protocol/presence.ts'

export const statusLabel: Record<Status, string> = {
  available: 'available',
  busy: 'busy',
  away: 'away',
  dnd: 'do not disturb',
}

export const peopleCount = (n: number) => `${n} ${n === 1 ? 'person' : 'people'}`

export function deskName(label: string, sitter: { name: string; status: Status | 'offline' } | null): string {
  if (!sitter) return `Desk ${label}`
  const status = sitter.status === 'offline' ? 'offline' : statusLabel[sitter.status]
  return `Desk ${label}, ${sitter.name}, ${status}`
}

export function roomName(room: { name: string; locked: boolean; kind: string }, occupants: number): string {
  return `Room ${room.name}, ${peopleCount(occupants)}${room.locked ? ', locked' : ''}`
}

export const initials = (name: string) =>
  name
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((w) => w[0]!.toUpperCase())
    .join('') || '?'
