/**
 * Drafts: a host collects changes privately, kept on the server (so a reload keeps them) and shown
 * to nobody else, then publishes them as one batch or discards them. The draft's ops are shown on
 * top of the live floor, so other hosts' live changes stay visible while drafting.
 */
import { applyBatch, type ApplyContext } from '../../protocol/floor/apply.ts'
import { diffFloors, opsOfDiff, type FloorDiff } from '../../protocol/floor/diff.ts'
import { MAX_OPS_PER_BATCH, type FloorOp } from '../../protocol/floor/ops.ts'
import type { Floor } from '../../protocol/floor/records.ts'
import type { Api } from '../services/api.ts'
import { acceptFloorNotice } from '../services/sync.ts'
import { refusal } from './commit.ts'
import type { EditorStore } from './store.ts'
import type { Platform } from '../platform/platform.ts'
import type { FloorStore } from '../stores/floor/store.ts'

export interface DraftDeps {
  store: EditorStore
  api(): Api
  workspaceId(): string
  ctx(): ApplyContext
  confirmed(floorId: string): Floor | null
  sync(): { api: Api; platform: Platform; floor: FloorStore; workspaceId: string }
}

export function createDrafts(deps: DraftDeps) {
  const { store } = deps
  const draftOf = (floorId: string) => (store.getState().draft?.floorId === floorId ? store.getState().draft : null)

  const floorOf = (live: Floor): Floor => {
    const draft = draftOf(live.id)
    if (!draft || draft.ops.length === 0) return live
    const result = applyBatch(live, draft.ops, deps.ctx())
    return result.ok ? result.floor : live
  }

  return {
    floorOf,
    async load(floorId: string | null) {
      if (!floorId) return
      try {
        const draft = await deps.api().getDraft(deps.workspaceId(), floorId)
        store.getState().set({ draft: draft ? { floorId, baseVersion: draft.baseVersion, ops: draft.ops } : null })
      } catch (err) {
        store.getState().set({ message: { kind: 'error', text: refusal(err) } })
      }
    },
    /** Adds one gesture to the draft and stores the draft on the server. */
    async add(live: Floor, ops: readonly FloorOp[]): Promise<{ ok: true; diff: FloorDiff } | { ok: false; message: string }> {
      const draft = draftOf(live.id)
      if (!draft) return { ok: false, message: 'No draft is open' }
      const result = applyBatch(floorOf(live), ops, deps.ctx())
      if (!result.ok) return { ok: false, message: `${result.error.message} (${result.error.field})` }
      // The draft is kept as what it changes, not as every gesture: ten drags of the same desks stay
      // a handful of ops, and a change undone inside the draft drops out of it.
      const next = opsOfDiff(diffFloors(live, result.floor))
      if (next.length > MAX_OPS_PER_BATCH) return { ok: false, message: `A draft holds at most ${MAX_OPS_PER_BATCH} changes; publish it first` }
      store.getState().set({ draft: { ...draft, ops: next } })
      try {
        await deps.api().putDraft(deps.workspaceId(), live.id, { baseVersion: draft.baseVersion, ops: next })
      } catch (err) {
        store.getState().set({ draft })
        return { ok: false, message: refusal(err) }
      }
      return { ok: true, diff: result.diff }
    },
    actions(refresh: () => void, dropHistory: () => void, markPublished: () => void) {
      const live = () => {
        const id = store.getState().draft?.floorId
        return id ? deps.confirmed(id) : null
      }
      return {
        async startDraft() {
          const floorId = deps.sync().floor.getState().floorId
          const floor = floorId ? deps.confirmed(floorId) : null
          if (!floor) return
          try {
            await deps.api().putDraft(deps.workspaceId(), floor.id, { baseVersion: floor.version, ops: [] })
            store.getState().set({ draft: { floorId: floor.id, baseVersion: floor.version, ops: [] }, message: { kind: 'info', text: 'Draft started: changes are private until you publish them' } })
          } catch (err) {
            store.getState().set({ message: { kind: 'error', text: refusal(err) } })
          }
          refresh()
        },
        async publishDraft() {
          const draft = store.getState().draft
          if (!draft) return
          try {
            const { version } = await deps.api().publishDraft(deps.workspaceId(), draft.floorId)
            store.getState().set({ draft: null, message: { kind: 'info', text: 'Draft published' } })
            // The server may have rebased the draft (published other ops than ours): fetch what it applied.
            if (live()) await acceptFloorNotice(deps.sync(), { type: 'since', floorId: draft.floorId, version })
            markPublished()
          } catch (err) {
            store.getState().set({ message: { kind: 'error', text: refusal(err) } })
          }
          refresh()
        },
        async discardDraft() {
          const draft = store.getState().draft
          if (!draft) return
          try {
            await deps.api().deleteDraft(deps.workspaceId(), draft.floorId)
            store.getState().set({ draft: null, message: { kind: 'info', text: 'Draft discarded' } })
            dropHistory()
          } catch (err) {
            store.getState().set({ message: { kind: 'error', text: refusal(err) } })
          }
          refresh()
        },
      }
    },
  }
}
