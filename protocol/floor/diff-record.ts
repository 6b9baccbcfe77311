/**
 * The shapes of a floor diff and the field comparisons every diff function shares. Split from
 * diff.ts so that diff.ts and diff-conflicts.ts both build on it without importing each other.
 */
import type { Desk, Furniture, Room } from './records.ts'

export interface FloorMeta {
  name: string
  width: number
  height: number
}

/** One record as it was before and after; null = absent. */
export interface Change<T> {
  before: T | null
  after: T | null
}

/** What a batch changed: each touched record as it was before and after. */
export interface FloorDiff {
  rooms: Record<string, Change<Room>>
  desks: Record<string, Change<Desk>>
  /** Present only when the diff touches furniture, so diffs of floors without any keep their shape. */
  furniture?: Record<string, Change<Furniture>>
  meta: { before: FloorMeta; after: FloorMeta } | null
}

/** The furniture changes of a diff (none when it has no `furniture`). */
export const furnitureOf = (d: FloorDiff): Record<string, Change<Furniture>> => d.furniture ?? {}

/** `diff` with `furniture` set when `changes` holds any, and left out otherwise. */
export function withFurniture(diff: Omit<FloorDiff, 'furniture'>, changes: Record<string, Change<Furniture>>): FloorDiff {
  return Object.keys(changes).length > 0 ? { ...diff, furniture: changes } : diff
}

/** A typed conflict the UI can say plainly (STYLE G23). */
export interface Conflict {
  objectId: string
  kind: 'room' | 'desk' | 'furniture' | 'floor'
  name: string
  message: string
}

/**
 * Optional fields and the value their absence means. A desk without `hot` is not hot, so turning
 * `hot` off is the update `{ hot: false }`, which applyBatch stores as absent again. A room or desk
 * without `companyId` is no company's (null), a room without `companyOnly` is open (issue 13).
 */
const absentMeans: Record<string, unknown> = { hot: false, companyId: null, companyOnly: false, bookable: false }

export const valueOf = (record: object, key: string): unknown => {
  const value = (record as Record<string, unknown>)[key]
  return value === undefined ? absentMeans[key] : value
}

/** Structural equality of JSON values (records hold strings, numbers, booleans, null and arrays). */
export function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false
  if (Array.isArray(a) !== Array.isArray(b)) return false
  const ka = Object.keys(a)
  if (ka.length !== Object.keys(b).length) return false
  return ka.every((k) => sameValue((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]))
}

/** The fields whose values differ between two versions of one record (`id` never differs). */
export function changedFields(before: object, after: object): string[] {
  const keys = new Set([...Object.keys(before), ...Object.keys(after)])
  return [...keys].filter((k) => !sameValue(valueOf(before, k), valueOf(after, k)))
}

/** The update that turns `before` into `after`: only the changed fields, absent ones as their meaning. */
export function changesBetween(before: object, after: object): Record<string, unknown> {
  return Object.fromEntries(changedFields(before, after).map((k) => [k, valueOf(after, k)]))
}

export const isNoChange = (c: Change<object>): boolean =>
  c.before === null ? c.after === null : c.after !== null && changedFields(c.before, c.after).length === 0

/** The changes of the records `before` holds (as they were), against what `now` holds; no-ops left out. */
export function changesOf<T extends object>(before: ReadonlyMap<string, T | null>, now: ReadonlyMap<string, T>): Record<string, Change<T>> {
  const out: Record<string, Change<T>> = {}
  for (const [id, was] of before) {
    const change = { before: was, after: now.get(id) ?? null }
    if (!isNoChange(change)) out[id] = change
  }
  return out
}
