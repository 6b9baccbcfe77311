/** What the editor's selection is, in words: "Desk 4 selected", "Room Lounge selected", "Plant selected", "3 items selected". */
import type { Floor } from '../../protocol/floor/records.ts'
import { furnitureKinds } from '../floor/furniture-kinds.ts'

export function describeSelection(floor: Floor, selection: readonly string[]): string {
  if (selection.length === 0) return 'Nothing selected'
  if (selection.length > 1) return `${selection.length} items selected`
  const id = selection[0]
  const room = floor.rooms.find((r) => r.id === id)
  if (room) return `Room ${room.name} selected`
  const desk = floor.desks.find((d) => d.id === id)
  if (desk) return `Desk ${desk.label} selected`
  const item = floor.furniture?.find((f) => f.id === id)
  return item ? `${furnitureKinds[item.kind].label} selected` : 'Nothing selected'
}
