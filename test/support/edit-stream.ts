/**
 * A stream of floor edits for crash drills: writers send desk.add batches (ids derived from the
 * batch id) until the server dies under them, and a check that, after a restart, every acknowledged
 * batch is there, whole, and that the floor is exactly its log replayed.
 */
import { expect } from 'vitest'
import type { OpsSince, SignedIn } from '../../protocol/api.ts'
import { applyBatch } from '../../protocol/floor/apply.ts'
import type { Floor } from '../../protocol/floor/records.ts'
import { starterFloor } from '../../server/floor/starter.ts'
import type { HttpClient } from './http.ts'

const DESKS_PER_BATCH = 3
/** Writers' batch ids start with this; other batches in the log (clients', the server's own) are left alone. */
const PREFIX = 'stream_'

export const deskIds = (batchId: string) => Array.from({ length: DESKS_PER_BATCH }, (_, k) => `desk_${batchId}_${k}`)
const batchOfDesk = (deskId: string) => new RegExp(`^desk_(${PREFIX}.+)_\\d+$`).exec(deskId)?.[1]

/**
 * One writer: batches of desk.add, rebased on a 409 and retried under the same batch id, until a
 * request fails because the server is gone. `onSend` runs before each request goes out.
 */
export async function writeUntilGone(http: HttpClient, owner: SignedIn, name: string, acked: Set<string>, onSend: () => void): Promise<void> {
  const path = `/api/workspaces/${owner.workspace.id}/floors/floor_main/edits`
  let base = (await http.get<Floor>(`/api/workspaces/${owner.workspace.id}/floors/floor_main`, owner.session.token)).body.version
  for (let i = 0; ; ) {
    const batchId = `${PREFIX}${name}n${i}`
    const ops = deskIds(batchId).map((id, k) => ({
      op: 'desk.add',
      desk: { id, label: `${batchId}/${k}`, x: Math.round(Math.random() * 1000), y: Math.round(Math.random() * 600), rotation: 0, assigneeId: null },
    }))
    let res
    onSend()
    try {
      res = await http.post<{ version: number; currentVersion?: number }>(path, { batchId, baseVersion: base, ops }, owner.session.token)
    } catch {
      return // the server died under this request: not acknowledged, and may or may not be in
    }
    if (res.status === 200) {
      acked.add(batchId)
      base = res.body.version
      i++
    } else if (res.status === 409) {
      base = res.body.currentVersion!
    } else {
      throw new Error(`writer ${name}: ${res.status} ${JSON.stringify(res.body)}`)
    }
  }
}

/** Checks the restarted server's floor against its log and against what was acknowledged; returns the floor. */
export async function verifyAcknowledged(http: HttpClient, owner: SignedIn, acked: Set<string>): Promise<Floor> {
  const base = `/api/workspaces/${owner.workspace.id}/floors/floor_main`
  const floor = (await http.get<Floor>(base, owner.session.token)).body
  const log = await http.get<OpsSince>(`${base}/ops?since=0`, owner.session.token)
  expect(log.status, 'the op log must reach back to the first version, without gaps').toBe(200)
  const batches = log.body.batches

  // The version counts the batches, and the log has every version once, in order.
  expect(floor.version).toBe(batches.length)
  expect(log.body.version).toBe(floor.version)
  expect(batches.map((b) => b.version)).toEqual(batches.map((_, i) => i + 1))

  // Every acknowledged batch is in the log.
  const logged = new Set(batches.map((b) => b.batchId))
  expect([...acked].filter((id) => !logged.has(id))).toEqual([])

  // No batch is half-applied: a logged batch has all its desks, and a desk's whole batch is logged.
  const present = new Set(floor.desks.map((d) => d.id))
  const streamed = [...logged].filter((id) => id.startsWith(PREFIX))
  expect(streamed.flatMap((id) => deskIds(id)).filter((id) => !present.has(id))).toEqual([])
  expect([...present].filter((id) => batchOfDesk(id) !== undefined && !logged.has(batchOfDesk(id)!))).toEqual([])

  // And replaying the log over the starter floor gives exactly the stored floor.
  let replayed: Floor = starterFloor(owner.member.id)
  for (const batch of batches) {
    const result = applyBatch(replayed, batch.ops, { isMember: () => true })
    if (!result.ok) throw new Error(`batch ${batch.batchId} does not replay: ${result.error.message}`)
    replayed = result.floor
  }
  expect(replayed).toEqual(floor)
  return floor
}
