/**
 * Parsed floor documents, kept per store so that a read of an unchanged floor transfers and parses
 * nothing: every read sends the stamps of the floors it holds, and the database answers a floor's
 * document only when the row's stamp differs (see STAMP). This never answers anything the database
 * does not hold: each answer comes with the row's current stamp, checked against what is held.
 */
import type { Floor } from '../../../protocol/floor/records.ts'

/**
 * A floor row's identity and revision: its id, its version and the transaction that wrote it
 * (xmin), so that a floor removed and added again, or reordered, is read afresh.
 */
export const STAMP = `(f.id || '@' || f.version || '@' || f.xmin::text)`

/** The select list of a floor read against `$n`, the stamps held: the document only when it is needed. */
export const floorColumns = (heldParam: string) => `f.id, f.version, ${STAMP} as stamp, case when ${STAMP} = any(${heldParam}::text[]) then null else f.doc end as doc`

export interface FloorRow {
  id: string
  version: number
  stamp: string
  doc: string | null
}

/** Workspaces whose floors are kept at most; the least recently read goes first. */
const WORKSPACES_KEPT = 500

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value)
    for (const v of Object.values(value)) deepFreeze(v)
  }
  return value
}

export interface FloorDocs {
  /** The stamps held of the workspace's floors, to send as the query's `held` parameter. */
  held(workspaceId: string): string[]
  /**
   * The floors of `rows`, frozen (the same object goes to every reader until the next edit); null
   * when a row came without its document and the one held has since been replaced (by a concurrent
   * read of a newer revision): the caller reads again, sending no stamps.
   */
  resolve(workspaceId: string, rows: readonly FloorRow[]): Floor[] | null
}

export function floorDocs(): FloorDocs {
  const byWorkspace = new Map<string, Map<string, { stamp: string; floor: Floor }>>()
  return {
    held(workspaceId) {
      return [...(byWorkspace.get(workspaceId)?.values() ?? [])].map((e) => e.stamp)
    },
    resolve(workspaceId, rows) {
      let held = byWorkspace.get(workspaceId)
      const floors: Floor[] = []
      for (const row of rows) {
        if (row.doc === null) {
          const hit = held?.get(row.id)
          if (hit?.stamp !== row.stamp) return null
          floors.push(hit.floor)
          continue
        }
        const floor = deepFreeze(JSON.parse(row.doc) as Floor)
        if (!held) byWorkspace.set(workspaceId, (held = new Map()))
        held.set(row.id, { stamp: row.stamp, floor })
        floors.push(floor)
      }
      // Most recently read last, so the first in the map is the one to forget.
      byWorkspace.delete(workspaceId)
      if (held) byWorkspace.set(workspaceId, held)
      if (byWorkspace.size > WORKSPACES_KEPT) byWorkspace.delete(byWorkspace.keys().next().value!)
      return floors
    },
  }
}
