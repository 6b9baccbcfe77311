/**
 * When one host's change meets another's: undoing something someone else changed since, or two
 * batches made from the same floor touching the same thing. Each answer names the object plainly,
 * so the UI can say "Desk “4” was moved by someone else" (STYLE G23).
 */
import { changedFields, furnitureOf, isNoChange, sameValue, valueOf, type Change, type Conflict, type FloorDiff, type FloorMeta } from './diff-record.ts'
import type { Desk, Floor, Furniture, Room } from './records.ts'

type Kind = Conflict['kind']

/** What the other host did, said by the fields they changed (first match wins). */
const verbs: [readonly string[], string][] = [
  [['x', 'y'], 'moved'],
  [['width', 'height'], 'resized'],
  [['rotation'], 'rotated'],
  [['name', 'label'], 'renamed'],
  [['assigneeId', 'hot'], 'reassigned'],
]

const verbFor = (fields: readonly string[]): string =>
  verbs.find(([keys]) => keys.some((k) => fields.includes(k)))?.[1] ?? 'changed'

const kindLabel: Record<Kind, string> = { room: 'Room', desk: 'Desk', furniture: 'Furniture', floor: 'Floor' }

/** What a record is called: a room's or floor's name, a desk's label, a piece of furniture's kind. */
export const nameOf = (record: Room | Desk | Furniture | FloorMeta): string => {
  if ('label' in record) return record.label
  return 'name' in record ? record.name : record.kind
}

export const conflict = (kind: Kind, objectId: string, name: string, what: string): Conflict => ({
  objectId,
  kind,
  name,
  message: `${kindLabel[kind]} “${name}” ${what}`,
})

/** Fields of `fields` on which `a` and `b` hold different values. */
const differing = (fields: readonly string[], a: object, b: object) => fields.filter((k) => !sameValue(valueOf(a, k), valueOf(b, k)))

const fieldsOf = (c: Change<object>): string[] => {
  if (c.before && c.after) return changedFields(c.before, c.after)
  return Object.keys(c.after ?? c.before ?? {})
}

/**
 * Null when every record `entry` changed still holds entry's `after` on the fields entry changed;
 * otherwise the first object someone else changed since.
 */
export function checkUndo(current: Floor, entry: FloorDiff): Conflict | null {
  const undoable = ' by someone else since; it cannot be undone'
  const check = <T extends Room | Desk | Furniture>(kind: 'room' | 'desk' | 'furniture', records: readonly T[], changes: Record<string, Change<T>>): Conflict | null => {
    const touched = Object.entries(changes).filter(([, c]) => !isNoChange(c))
    if (touched.length === 0) return null
    const now = new Map(records.map((r) => [r.id, r]))
    for (const [id, change] of touched) {
      const cur = now.get(id)
      const known = (change.after ?? change.before) as T
      if (!change.after) {
        if (cur) return conflict(kind, id, nameOf(cur), `was added back${undoable}`)
        continue
      }
      if (!cur) return conflict(kind, id, nameOf(known), `was removed${undoable}`)
      const moved = differing(fieldsOf(change), cur, change.after)
      if (moved.length > 0) return conflict(kind, id, nameOf(cur), `was ${verbFor(moved)}${undoable}`)
    }
    return null
  }
  const found = check('room', current.rooms, entry.rooms) ?? check('desk', current.desks, entry.desks) ?? check('furniture', current.furniture ?? [], furnitureOf(entry))
  if (found || !entry.meta) return found
  const moved = differing(changedFields(entry.meta.before, entry.meta.after), current, entry.meta.after)
  return moved.length > 0 ? conflict('floor', current.id, current.name, `was ${verbFor(moved)}${undoable}`) : null
}

/** How `theirs` collides with `mine` on one record, if it does. */
function collision(mine: Change<object>, theirs: Change<object>): string | null {
  if (isNoChange(mine) || isNoChange(theirs)) return null
  if (!mine.before && !theirs.before) return 'was also added by someone else'
  if (!theirs.after) return mine.after ? 'was removed by someone else' : null // both removed it: agreed
  if (!mine.after) return `was ${verbFor(fieldsOf(theirs))} by someone else`
  // Both changed it: only a field both changed, to different values, collides.
  const overlap = fieldsOf(theirs).filter((k) => fieldsOf(mine).includes(k))
  const clash = differing(overlap, mine.after, theirs.after)
  return clash.length > 0 ? `was ${verbFor(clash)} by someone else` : null
}

/**
 * Whether two diffs made from the same base touch the same thing: same record and an overlapping
 * field, one removed what the other changed, or both added the same id. Different fields of the
 * same record do not conflict, nor does a field both set to the same value, nor a record both
 * removed. A floor conflict's objectId is `floor` (the diff does not know the floor's id).
 */
export function conflictBetween(mine: FloorDiff, theirs: FloorDiff): Conflict | null {
  const scan = <T extends Room | Desk | Furniture>(kind: 'room' | 'desk' | 'furniture', a: Record<string, Change<T>>, b: Record<string, Change<T>>): Conflict | null => {
    for (const [id, m] of Object.entries(a)) {
      const t = b[id]
      const what = t && collision(m, t)
      if (what) return conflict(kind, id, nameOf((t.after ?? t.before ?? m.after ?? m.before) as T), what)
    }
    return null
  }
  const found = scan('room', mine.rooms, theirs.rooms) ?? scan('desk', mine.desks, theirs.desks) ?? scan('furniture', furnitureOf(mine), furnitureOf(theirs))
  if (found || !mine.meta || !theirs.meta) return found
  const what = collision(mine.meta, theirs.meta)
  return what ? conflict('floor', 'floor', theirs.meta.after.name, what) : null
}
