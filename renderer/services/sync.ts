/**
 * Floor-plan sync. The server's lobby notices carry each applied batch itself: a batch that follows
 * the version held is applied here with applyBatch, at no request; batches that cross on the way
 * (several server instances) are put back in order; only a gap that stays open, or a batch too
 * large for one packet, catches up with `ops?since=N` (or a full fetch when the server no longer
 * keeps those ops). Results are written through to the cache so the next start paints them at once.
 *
 * Everything that writes floors runs in one lane per floor store, in the order it arrived: the
 * lobby's notices, start-up and reconnect syncs, and the editor handing over its own batch after
 * the server's 200. A fetch in flight and a notice therefore never interleave, and no floor goes
 * back to an older version.
 */
import type { FloorSummary, OpsSince } from '../../protocol/api.ts'
import { applyBatch } from '../../protocol/floor/apply.ts'
import type { Floor } from '../../protocol/floor/records.ts'
import type { FloorNotice } from '../../protocol/presence.ts'
import type { Platform } from '../platform/platform.ts'
import type { FloorStore } from '../stores/floor/store.ts'
import { ApiError, type Api } from './api.ts'

export interface SyncDeps {
  api: Api
  platform: Pick<Platform, 'cache'>
  floor: FloorStore
  workspaceId: string
}

type Batch = OpsSince['batches'][number]
/** What became of a batch: applied on the floor held, already held, or fetched (a gap). */
export type Accepted = 'applied' | 'held' | 'caught-up'

/** Ops were validated by the server; replaying them here only needs to trust its membership checks. */
const trustServer = { isMember: () => true }

const lanes = new WeakMap<FloorStore, Promise<unknown>>()
function inLane<T>(deps: SyncDeps, work: () => Promise<T>): Promise<T> {
  const result = (lanes.get(deps.floor) ?? Promise.resolve()).then(work)
  lanes.set(deps.floor, result.catch(() => undefined))
  return result
}

const heldFloor = (deps: SyncDeps, floorId: string) => deps.floor.getState().floors.find((f) => f.id === floorId)

async function keep(deps: SyncDeps, floor: Floor): Promise<void> {
  deps.floor.getState().putFloor(floor)
  await deps.platform.cache.putFloor(deps.workspaceId, floor)
}

export async function catchUpFloor(deps: SyncDeps, floorId: string, held: Floor | undefined): Promise<Floor> {
  const { api, workspaceId } = deps
  if (held) {
    try {
      const { batches } = await api.opsSince(workspaceId, floorId, held.version)
      let floor = held
      for (const batch of batches) {
        const result = applyBatch(floor, batch.ops, trustServer)
        if (!result.ok || result.floor.version !== batch.version) return api.floor(workspaceId, floorId)
        floor = result.floor
      }
      return floor
    } catch (err) {
      if (!(err instanceof ApiError) || (err.status !== 410 && err.status !== 404)) throw err
    }
  }
  return api.floor(workspaceId, floorId)
}

/**
 * How long a batch that arrives after a gap waits for the batches before it. Several server
 * instances announce their edits independently, so two consecutive batches can cross on the way;
 * the one before nearly always arrives within milliseconds, and waiting costs nothing. A gap still
 * open after this is fetched.
 */
export const REORDER_WAIT_MS = 500

interface Parked {
  batch: Batch
  done(outcome: Accepted): void
  fail(err: unknown): void
}
/** Per floor store and floor, batches that arrived ahead of a gap, by version. */
const parkedBatches = new WeakMap<FloorStore, Map<string, Map<number, Parked>>>()
function parkedOf(deps: SyncDeps, floorId: string): Map<number, Parked> {
  const byFloor = parkedBatches.get(deps.floor) ?? parkedBatches.set(deps.floor, new Map()).get(deps.floor)!
  return byFloor.get(floorId) ?? byFloor.set(floorId, new Map()).get(floorId)!
}

/** Applies `batch` on `held` when it follows it; false when it does not apply cleanly (then fetch). */
async function applyNext(deps: SyncDeps, held: Floor, batch: Batch): Promise<boolean> {
  const result = applyBatch(held, batch.ops, trustServer)
  if (!result.ok || result.floor.version !== batch.version) return false
  await keep(deps, result.floor)
  return true
}

/** Parked batches that now follow the floor held are applied in order; those it has passed are held. */
async function applyParked(deps: SyncDeps, floorId: string): Promise<void> {
  const parked = parkedOf(deps, floorId)
  for (;;) {
    const held = heldFloor(deps, floorId)
    if (!held) return
    for (const [version, p] of parked) {
      if (version > held.version) continue
      parked.delete(version)
      p.done('held')
    }
    const next = parked.get(held.version + 1)
    if (!next) return
    parked.delete(held.version + 1)
    try {
      if (await applyNext(deps, held, next.batch)) {
        next.done('applied')
      } else {
        await keep(deps, await catchUpFloor(deps, floorId, held))
        next.done('caught-up')
      }
    } catch (err) {
      next.fail(err)
      throw err
    }
  }
}

/** The wait of the batch at `version` is over: the gap before it still open, it is fetched. */
async function fillGap(deps: SyncDeps, floorId: string, version: number): Promise<void> {
  const parked = parkedOf(deps, floorId)
  const p = parked.get(version)
  if (!p) return // Applied meanwhile.
  parked.delete(version)
  try {
    const held = heldFloor(deps, floorId)
    if (held && held.version >= version) {
      p.done('held')
    } else {
      await keep(deps, await catchUpFloor(deps, floorId, held))
      p.done('caught-up')
    }
    await applyParked(deps, floorId)
  } catch (err) {
    p.fail(err)
  }
}

/**
 * Takes a batch the server applied: from the lobby, or from the editor right after its own edit
 * (whose echo on the lobby is then 'held'). A batch following the version held costs no request,
 * and so does one that arrives just before the batch it follows (REORDER_WAIT_MS).
 */
export function acceptBatch(deps: SyncDeps, floorId: string, batch: Batch): Promise<Accepted> {
  return new Promise<Accepted>((resolve, reject) => {
    inLane(deps, async () => {
      const held = heldFloor(deps, floorId)
      if (held && batch.version <= held.version) return resolve('held')
      if (held && batch.version > held.version + 1) {
        // The lane stays free meanwhile: the batches before this one apply as they arrive.
        parkedOf(deps, floorId).set(batch.version, { batch, done: resolve, fail: reject })
        setTimeout(() => void inLane(deps, () => fillGap(deps, floorId, batch.version)), REORDER_WAIT_MS)
        return
      }
      if (held && (await applyNext(deps, held, batch))) resolve('applied')
      else {
        await keep(deps, await catchUpFloor(deps, floorId, held))
        resolve('caught-up')
      }
      await applyParked(deps, floorId)
    }).catch(reject)
  })
}

/** Brings the floors to the list given (in its order): fetches new ones and, with `refresh`, stale ones. */
async function takeFloorList(deps: SyncDeps, summaries: readonly FloorSummary[], refresh: boolean): Promise<boolean> {
  const before = deps.floor.getState().floors
  const held = new Map(before.map((f) => [f.id, f]))
  const floors = await Promise.all(
    summaries.map(async (s) => {
      const mine = held.get(s.id)
      // Known floors follow their batches; a list notice only adds, removes and reorders.
      return mine && (!refresh || mine.version === s.version) ? mine : catchUpFloor(deps, s.id, mine)
    }),
  )
  const changed = floors.length !== before.length || floors.some((f, i) => before[i] !== f)
  if (changed) {
    deps.floor.getState().setFloors(floors)
    await Promise.all(floors.filter((f) => held.get(f.id) !== f).map((f) => deps.platform.cache.putFloor(deps.workspaceId, f)))
  }
  return changed
}

/** Brings every floor up to the server's version (start-up, reconnect); returns true when something changed. */
export function syncFloors(deps: SyncDeps): Promise<boolean> {
  return inLane(deps, async () => takeFloorList(deps, await deps.api.floors(deps.workspaceId), true))
}

/** Acts on one of the server's floor notices from the lobby. */
export function acceptFloorNotice(deps: SyncDeps, notice: FloorNotice): Promise<unknown> {
  switch (notice.type) {
    case 'batch':
      return acceptBatch(deps, notice.floorId, notice)
    case 'since':
      return inLane(deps, async () => {
        const held = heldFloor(deps, notice.floorId)
        if (held && held.version >= notice.version) return 'held'
        await keep(deps, await catchUpFloor(deps, notice.floorId, held))
        return 'caught-up'
      })
    case 'floors':
      return inLane(deps, () => takeFloorList(deps, notice.floors, false))
  }
}

export async function syncMembers(deps: SyncDeps): Promise<void> {
  // Everyone, guests too, gets names from the server's directory: a peer's own claim is never shown.
  const members = await deps.api.members(deps.workspaceId)
  deps.floor.getState().setMembers(members)
  await deps.platform.cache.putMembers(deps.workspaceId, members)
}
