/**
 * The editor's actions on whole floors and on the selection as a set: floors (add from a template,
 * rename, reorder, delete), import and export, copy and paste (onto any floor), duplicate, delete.
 * Every change to a floor plan is one gesture through `apply`, so each is one undo step.
 */
import type { FloorTemplate } from '../../protocol/api.ts'
import type { ApplyContext } from '../../protocol/floor/apply.ts'
import { exportFloor, importOps, parseFloorFile } from '../../protocol/floor/exchange.ts'
import { MAX_OPS_PER_BATCH, type FloorOp } from '../../protocol/floor/ops.ts'
import type { Floor } from '../../protocol/floor/records.ts'
import type { Stores } from '../app/stores.ts'
import type { Api } from '../services/api.ts'
import { duplicateItems, pasteItems } from './arrange.ts'
import { refusal } from './commit.ts'
import type { Clipboard } from './editor.ts'
import type { EditorStore } from './store.ts'

export interface FloorActionDeps {
  stores: Stores
  store: EditorStore
  api(): Api
  workspaceId(): string
  shownFloor(): Floor | null
  ctx(): ApplyContext
  say(text: string, kind?: 'error' | 'info'): void
  apply(ops: readonly FloorOp[]): Promise<boolean>
  newId(prefix: 'room' | 'desk' | 'furn'): string
}

export function createFloorActions(deps: FloorActionDeps) {
  const { stores, store } = deps
  let clipboard: Clipboard | null = null
  const selected = () => {
    const floor = deps.shownFloor()
    const ids = new Set(store.getState().selection)
    const furniture = floor?.furniture?.filter((f) => ids.has(f.id)) ?? []
    return { floor, ids: [...ids], rooms: floor?.rooms.filter((r) => ids.has(r.id)) ?? [], desks: floor?.desks.filter((d) => ids.has(d.id)) ?? [], furniture }
  }
  const guard = async (what: () => Promise<void>) => {
    try {
      await what()
    } catch (err) {
      deps.say(refusal(err))
    }
  }

  return {
    addFloor: (name: string, template?: FloorTemplate) =>
      guard(async () => {
        const floor = await deps.api().createFloor(deps.workspaceId(), template ? { name, template } : { name, width: 1200, height: 800 })
        stores.floor.getState().putFloor(floor)
        stores.floor.getState().selectFloor(floor.id)
      }),
    async renameFloor(floorId: string, name: string) {
      if (stores.floor.getState().floorId !== floorId) stores.floor.getState().selectFloor(floorId)
      await deps.apply([{ op: 'floor.update', changes: { name } }])
    },
    moveFloor: (floorId: string, delta: -1 | 1) =>
      guard(async () => {
        const ids = stores.floor.getState().floors.map((f) => f.id)
        const at = ids.indexOf(floorId)
        const to = at + delta
        if (at < 0 || to < 0 || to >= ids.length) return
        ids.splice(at, 1)
        ids.splice(to, 0, floorId)
        await deps.api().reorderFloors(deps.workspaceId(), ids)
        const byId = new Map(stores.floor.getState().floors.map((f) => [f.id, f]))
        stores.floor.getState().setFloors(ids.map((id) => byId.get(id)!).filter(Boolean))
      }),
    removeFloor: (floorId: string) =>
      guard(async () => {
        await deps.api().removeFloor(deps.workspaceId(), floorId)
        stores.floor.getState().setFloors(stores.floor.getState().floors.filter((f) => f.id !== floorId))
      }),
    async importFloor(text: string) {
      const floor = deps.shownFloor()
      if (!floor) return false
      const parsed = parseFloorFile(text)
      if (!parsed.ok) {
        deps.say(`Import refused: ${parsed.field}: ${parsed.message}`)
        return false
      }
      // Ids name media rooms across the workspace: records whose ids another floor uses get new ones.
      const elsewhere = new Set(stores.floor.getState().floors.filter((f) => f.id !== floor.id).flatMap((f) => [...f.rooms.map((r) => r.id), ...f.desks.map((d) => d.id)]))
      const file = parsed.file
      const fresh = {
        ...file,
        floor: {
          ...file.floor,
          rooms: file.floor.rooms.map((r) => (elsewhere.has(r.id) ? { ...r, id: deps.newId('room') } : r)),
          desks: file.floor.desks.map((d) => (elsewhere.has(d.id) ? { ...d, id: deps.newId('desk') } : d)),
        },
      }
      const ops = importOps(floor, fresh, deps.ctx())
      if (ops.length > MAX_OPS_PER_BATCH) {
        deps.say(`Import refused: the file would change ${ops.length} records; one import changes at most ${MAX_OPS_PER_BATCH}`)
        return false
      }
      return ops.length === 0 ? true : deps.apply(ops)
    },
    exportFloor() {
      const floor = deps.shownFloor()
      return floor ? JSON.stringify(exportFloor(floor), null, 2) : null
    },
    copy() {
      const { rooms, desks, furniture } = selected()
      const count = rooms.length + desks.length + furniture.length
      if (count === 0) return
      clipboard = { rooms, desks, furniture }
      deps.say(`Copied ${count} item${count === 1 ? '' : 's'}`, 'info')
    },
    async paste() {
      const floor = deps.shownFloor()
      if (!floor || !clipboard) return
      const { ops, ids } = pasteItems(floor, clipboard, deps.newId)
      if (await deps.apply(ops)) store.getState().set({ selection: ids })
    },
    async duplicate() {
      const { floor, ids } = selected()
      if (!floor || ids.length === 0) return
      const copy = duplicateItems(floor, ids, deps.newId)
      if (await deps.apply(copy.ops)) store.getState().set({ selection: copy.ids })
    },
    async removeSelected() {
      const { rooms, desks, furniture } = selected()
      const ops: FloorOp[] = [
        ...rooms.map((r) => ({ op: 'room.remove' as const, id: r.id })),
        ...desks.map((d) => ({ op: 'desk.remove' as const, id: d.id })),
        ...furniture.map((f) => ({ op: 'furniture.remove' as const, id: f.id })),
      ]
      if (ops.length && (await deps.apply(ops))) store.getState().set({ selection: [] })
    },
  }
}
