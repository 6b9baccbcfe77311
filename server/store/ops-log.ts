/**
 * Whether a stretch of the edit log replays, checked before it is handed to a reader of `ops?since`.
 * Clients apply the batches to the floor they hold, with the same applyBatch; a batch an older
 * server wrote (an op today's schemas refuse, a rule it did not know) or a row changed by hand
 * would make them fail halfway, or worse, arrive at a floor the server does not have. Any store
 * answers 'gone' instead, and the reader fetches the floor.
 */
import { createHash } from 'node:crypto'
import { applyBatch } from '../../protocol/floor/apply.ts'
import { diffFloors, isEmptyDiff } from '../../protocol/floor/diff.ts'
import type { Floor } from '../../protocol/floor/records.ts'

export interface LoggedBatch {
  version: number
  /** Null when the row holds no JSON array. */
  ops: unknown[] | null
  /** The batch's inverse, as applyBatch made it when the batch was applied; null in rows from before it was kept. */
  undo: unknown[] | null
}

/** Membership was checked when each batch was applied; a replay, like a client, does not check it again. */
const replaying = { isMember: () => true }

/**
 * `batches` are the log after some version up to `floor` (the floor as it is now), in order. The
 * floor at that version is rebuilt by undoing them from `floor`; then the batches must apply to it
 * one after another, as a client applies them, and end at exactly `floor`.
 */
export function logReplays(floor: Floor, batches: readonly LoggedBatch[]): boolean {
  if (batches.length === 0) return true
  let at: Floor = floor
  for (let i = batches.length - 1; i >= 0; i--) {
    const { undo, version } = batches[i]!
    if (undo === null) return false
    // A batch that changed nothing has an empty inverse.
    const back = undo.length === 0 ? { ok: true as const, floor: at } : applyBatch(at, undo, replaying)
    if (!back.ok) return false
    at = { ...back.floor, version: version - 1 }
  }
  for (const batch of batches) {
    if (batch.ops === null) return false
    const next = applyBatch(at, batch.ops, replaying)
    if (!next.ok || next.floor.version !== batch.version) return false
    at = next.floor
  }
  return isEmptyDiff(diffFloors(at, floor))
}

/** Stretches checked, remembered per store connection (a few hundred; the oldest go first). */
const REMEMBERED = 256

/**
 * The longest stretch handed out, in batches and in ops (one full batch fits). Checking one costs
 * as much as applying it twice, on the server's thread, and any member may ask for any stretch
 * the log keeps (1,000 batches of up to 2,000 ops: minutes of work for one request); a reader that
 * far behind fetches the floor instead, which costs it less too.
 */
export const MAX_REPLAY_BATCHES = 100
export const MAX_REPLAY_OPS = 2_000

/**
 * logReplays with a memory: after an edit, every reader asks for the same stretch, and checking one
 * costs as much as applying it twice (~10 ms for 200 ops on a floor of 2,000 desks). A stretch is
 * known by its floor, the floor's version and the exact text of its rows, so a row changed in any
 * way is checked again.
 */
export function replayChecker(): (workspaceId: string, floor: Floor, rows: readonly { version: number; ops: string; undo: string | null }[]) => boolean {
  const known = new Map<string, boolean>()
  return (workspaceId, floor, rows) => {
    if (rows.length > MAX_REPLAY_BATCHES) return false
    const text = createHash('sha256')
    for (const r of rows) text.update(`${r.version}\0${r.ops}\0${r.undo ?? ''}\n`)
    const key = `${workspaceId}:${floor.id}:${floor.version}:${text.digest('base64')}`
    let ok = known.get(key)
    if (ok === undefined) {
      const batches = rows.map((r) => ({ version: r.version, ops: jsonArray(r.ops), undo: r.undo === null ? null : jsonArray(r.undo) }))
      const ops = batches.reduce((n, b) => n + (b.ops?.length ?? 0), 0)
      ok = ops <= MAX_REPLAY_OPS && logReplays(floor, batches)
      known.set(key, ok)
      if (known.size > REMEMBERED) known.delete(known.keys().next().value!)
    }
    return ok
  }
}

/** A logged JSON array, or null for anything else (logReplays refuses a batch without one). */
export function jsonArray(text: string): unknown[] | null {
  try {
    const value: unknown = JSON.parse(text)
    return Array.isArray(value) ? value : null
  } catch {
    return null
  }
}
