/** Accessible names for the floor: what a screen reader says for each desk, room and person. */
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
