/**
 * Floor-plan sync: catch each floor up with `ops?since=N` from the version we hold (cache or memory),
 * fall back to a full fetch when the server no longer keeps those ops, and write the result through
 * to the cache so the next start paints it at once.
 */
import { applyBatch } from '../../protocol/floor/apply.ts'
import type { Floor } from '../../protocol/floor/records.ts'
import type { Platform } from '../platform/platform.ts'
import type { FloorStore } from '../stores/floor/store.ts'
import { ApiError, type Api } from './api.ts'

export interface SyncDeps {
  api: Api
  platform: Platform
  floor: FloorStore
  workspaceId: string
}

/** Ops were validated by the server; replaying them here only needs to trust its membership checks. */
const trustServer = { isMember: () => true }

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

/** Brings every floor up to the server's version; returns true when something changed. */
export async function syncFloors(deps: SyncDeps): Promise<boolean> {
  const summaries = await deps.api.floors(deps.workspaceId)
  const held = new Map(deps.floor.getState().floors.map((f) => [f.id, f]))
  const floors = await Promise.all(
    summaries.map(async (s) => {
      const mine = held.get(s.id)
      return mine && mine.version === s.version ? mine : catchUpFloor(deps, s.id, mine)
    }),
  )
  const changed = floors.some((f) => held.get(f.id) !== f) || floors.length !== held.size
  if (changed) {
    deps.floor.getState().setFloors(floors)
    await Promise.all(floors.map((f) => deps.platform.cache.putFloor(deps.workspaceId, f)))
  }
  return changed
}

/** Catches up the floors whose announced version is newer than ours. */
export async function syncAnnounced(deps: SyncDeps, versions: Record<string, number>): Promise<void> {
  const held = new Map(deps.floor.getState().floors.map((f) => [f.id, f]))
  const stale = Object.entries(versions).filter(([id, v]) => (held.get(id)?.version ?? -1) < v)
  const removed = [...held.keys()].some((id) => !(id in versions))
  if (stale.length === 0 && !removed) return
  if (removed || stale.some(([id]) => !held.has(id))) {
    await syncFloors(deps)
    return
  }
  for (const [id] of stale) {
    const floor = await catchUpFloor(deps, id, held.get(id))
    deps.floor.getState().putFloor(floor)
    await deps.platform.cache.putFloor(deps.workspaceId, floor)
  }
}

export async function syncMembers(deps: SyncDeps): Promise<void> {
  try {
    const members = await deps.api.members(deps.workspaceId)
    deps.floor.getState().setMembers(members)
    await deps.platform.cache.putMembers(deps.workspaceId, members)
  } catch (err) {
    // Guests see no directory; they know people from the lobby alone.
    if (!(err instanceof ApiError && err.status === 403)) throw err
  }
}
