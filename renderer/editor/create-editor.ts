/**
 * createEditor: the host's editor service (see editor.ts for what each action means). Live gestures
 * are shown at once (the preview) and confirmed by the server one batch at a time; in a draft they
 * are collected privately and stored on the server. Undo replays reversed diffs (history.ts).
 */
import { applyBatch, type ApplyContext } from '../../protocol/floor/apply.ts'
import { checkUndo, opsOfDiff, reverseDiff, type FloorDiff } from '../../protocol/floor/diff.ts'
import type { FloorOp } from '../../protocol/floor/ops.ts'
import type { Floor } from '../../protocol/floor/records.ts'
import type { Stores } from '../app/stores.ts'
import type { Platform } from '../platform/platform.ts'
import type { Api } from '../services/api.ts'
import { acceptBatch } from '../services/sync.ts'
import { currentFloor } from '../stores/floor/selectors.ts'
import { commitLive } from './commit.ts'
import { keepOneDeskEach } from './one-desk.ts'
import { createDrafts } from './drafts.ts'
import type { Editor } from './editor.ts'
import { createFloorActions } from './floor-actions.ts'
import { createHistory } from './history.ts'
import { createEditorStore, type EditorStore } from './store.ts'

export interface EditorDeps {
  stores: Stores
  platform: Platform
  api(): Api
}

let idCounter = 0

/** Builds the editor; `store` is passed when its state already exists (lazy-editor.ts). */
export function createEditor(deps: EditorDeps, store: EditorStore = createEditorStore()): Editor {
  const { floor: floors, session } = deps.stores
  const history = createHistory()
  /** Live gestures sent but not yet confirmed, shown on top of the confirmed floor. */
  const pending: { floorId: string; ops: readonly FloorOp[] }[] = []

  const workspaceId = () => session.getState().workspace?.id ?? ''
  const ctx = (): ApplyContext => {
    const members = floors.getState().members
    return { isMember: (id) => id in members }
  }
  const confirmed = (floorId: string) => floors.getState().floors.find((f) => f.id === floorId) ?? null
  const onScreen = () => currentFloor(floors.getState())
  const syncDeps = () => ({ api: deps.api(), platform: deps.platform, floor: floors, workspaceId: workspaceId() })

  const drafts = createDrafts({ store, api: deps.api, workspaceId, ctx, confirmed, sync: syncDeps })

  /** What the editor shows: the draft applied to the live floor, or the live floor with gestures in flight. */
  const refreshPreview = () => {
    const live = onScreen()
    if (!live) return store.getState().set({ preview: null })
    const draft = store.getState().draft
    if (draft && draft.floorId === live.id) return store.getState().set({ preview: drafts.floorOf(live) })
    let shown = live
    for (const p of pending) {
      if (p.floorId !== live.id) continue
      const next = applyBatch(shown, p.ops, ctx())
      if (next.ok) shown = next.floor
    }
    store.getState().set({ preview: shown === live ? null : shown })
  }
  const unsubscribe = floors.subscribe((s, prev) => {
    if (s.floors !== prev.floors || s.floorId !== prev.floorId) {
      if (s.floorId !== prev.floorId) {
        store.getState().set({ selection: [] })
        // Each floor has its own draft: show the one of the floor now on screen.
        if (store.getState().editing) void drafts.load(s.floorId).then(refreshPreview)
      }
      refreshPreview()
    }
  })

  const say = (text: string, kind: 'error' | 'info' = 'error') => store.getState().set({ message: { kind, text } })
  const syncHistory = () => store.getState().set({ canUndo: history.canUndo, canRedo: history.canRedo })

  /**
   * Gestures, undos and redos run one after another, each starting from what the previous one left
   * (and recorded in the history before the next starts): an undo pressed while a drag is still on
   * its way undoes that drag, not the step before it.
   */
  let chain: Promise<unknown> = Promise.resolve()
  const serial = <T,>(step: () => Promise<T>): Promise<T> => {
    const next = chain.then(step)
    chain = next.catch(() => undefined)
    return next
  }

  /** Sends one gesture's ops on `floorId`: into its draft, or committed live. Resolves with its diff. */
  const send = async (floorId: string, ops: readonly FloorOp[], draft: boolean, entry?: { floorId: string; ops: readonly FloorOp[] }): Promise<FloorDiff | null> => {
    const live = confirmed(floorId)
    const result = !live
      ? { ok: false as const, message: 'That floor no longer exists' }
      : draft
        ? await drafts.add(live, ops)
        : await commitLive({ api: deps.api, workspaceId, floor: confirmed, ctx, accept: (id, batch) => acceptBatch(syncDeps(), id, batch) }, floorId, ops)
    if (entry) pending.splice(pending.indexOf(entry), 1)
    refreshPreview()
    if (!result.ok) say(result.message)
    return result.ok ? result.diff : null
  }

  /** One gesture on the floor on screen, shown at once and sent in turn; `done` runs in its turn too. */
  const run = (ops: readonly FloorOp[], done: (diff: FloorDiff, floorId: string, draft: boolean) => void): Promise<boolean> => {
    const live = onScreen()
    if (!live || ops.length === 0) return Promise.resolve(false)
    const floorId = live.id
    const draft = store.getState().draft?.floorId === floorId
    const entry = draft ? undefined : { floorId, ops }
    if (entry) pending.push(entry)
    refreshPreview()
    return serial(async () => {
      const diff = await send(floorId, ops, draft, entry)
      if (diff) done(diff, floorId, draft)
      return diff !== null
    })
  }

  const shownFloor = (): Floor | null => store.getState().preview ?? onScreen()

  const editor: Editor = {
    store,
    setEditing(on) {
      const role = session.getState().me?.role
      const allowed = role === 'owner' || role === 'host'
      store.getState().set({ editing: on && allowed, selection: [], message: null })
      if (on && allowed) void drafts.load(onScreen()?.id ?? null).then(refreshPreview)
      else refreshPreview()
    },
    select(ids, mode = 'replace') {
      const current = store.getState().selection
      let next: string[]
      if (mode === 'replace') next = [...ids]
      else if (mode === 'add') next = [...new Set([...current, ...ids])]
      else next = current.filter((id) => !ids.includes(id)).concat(ids.filter((id) => !current.includes(id)))
      store.getState().set({ selection: next })
    },
    floor: shownFloor,
    apply(ops, opts) {
      store.getState().set({ message: null })
      return run(ops, (diff, floorId, draft) => {
        history.record({ floorId, diff, draft }, opts?.continues)
        syncHistory()
      })
    },
    undo: () => serial(() => replay('undo')),
    redo: () => serial(() => replay('redo')),
    ...drafts.actions(
      refreshPreview,
      () => {
        history.dropDraft()
        syncHistory()
      },
      () => history.keepDraft(),
    ),
    ...createFloorActions({ stores: deps.stores, store, api: deps.api, workspaceId, shownFloor, ctx, say, apply: (ops) => editor.apply(ops), newId: (p) => editor.newId(p) }),
    newId(prefix) {
      idCounter++
      return `${prefix}_${Date.now().toString(36)}${idCounter.toString(36)}${Math.random().toString(36).slice(2, 6)}`
    },
    dispose() {
      unsubscribe()
    },
  }

  /** Undo or redo one step of this host's own history, refusing when someone else changed its objects since. */
  async function replay(which: 'undo' | 'redo') {
    const entry = which === 'undo' ? history.peekUndo() : history.peekRedo()
    if (!entry) return
    if (entry.floorId !== onScreen()?.id) floors.getState().selectFloor(entry.floorId)
    const live = confirmed(entry.floorId)
    if (!live) return say('That floor no longer exists')
    // Against the floor as confirmed (or as drafted), not the preview: gestures pressed after this
    // undo are still on their way and must not count as someone else's change.
    const drafting = store.getState().draft?.floorId === entry.floorId
    const current = drafting ? drafts.floorOf(live) : live
    const wanted = which === 'undo' ? entry.diff : reverseDiff(entry.diff)
    const conflict = checkUndo(current, wanted)
    if (conflict) return say(conflict.message)
    store.getState().set({ message: null })
    const diff = await send(entry.floorId, keepOneDeskEach(opsOfDiff(reverseDiff(wanted)), floors.getState().floors), drafting)
    if (!diff) return
    if (which === 'undo') history.undone()
    else history.redone()
    syncHistory()
  }

  return editor
}
