/**
 * The editor as members start it: its store exists at once (the floor view reads it), while its
 * code (applyBatch, diffs, rebasing, drafts) loads only when a host first turns on Edit floor.
 * Until then the actions wait for it; nothing a member does ever loads it.
 */
import { currentFloor } from '../stores/floor/selectors.ts'
import type { EditorDeps } from './create-editor.ts'
import type { Editor } from './editor.ts'
import { createEditorStore } from './store.ts'

/** The actions that wait for the editor's code (the start-up bundle holds their names only). */
const ASYNC_ACTIONS = ['apply', 'undo', 'redo', 'startDraft', 'publishDraft', 'discardDraft', 'addFloor', 'renameFloor', 'moveFloor', 'removeFloor', 'importFloor', 'paste', 'duplicate', 'removeSelected'] as const
type AsyncAction = (typeof ASYNC_ACTIONS)[number]

export function createLazyEditor(deps: EditorDeps): Editor {
  const store = createEditorStore()
  let loaded: Editor | null = null
  let loading: Promise<Editor> | null = null
  const load = () =>
    (loading ??= import('./create-editor.ts').then(({ createEditor }) => {
      loaded = createEditor(deps, store)
      return loaded
    }))
  const later = <K extends AsyncAction>(name: K): Editor[K] =>
    ((...args: unknown[]) => load().then((e) => (e[name] as (...a: unknown[]) => Promise<unknown>)(...args))) as Editor[K]

  return {
    store,
    setEditing(on) {
      if (!on && !loaded) return store.getState().set({ editing: false })
      void load().then((e) => e.setEditing(on))
    },
    select: (ids, mode) => (loaded ? loaded.select(ids, mode) : store.getState().set({ selection: [...ids] })),
    floor: () => loaded?.floor() ?? currentFloor(deps.stores.floor.getState()),
    ...(Object.fromEntries(ASYNC_ACTIONS.map((name) => [name, later(name)])) as { [K in AsyncAction]: Editor[K] }),
    exportFloor: () => loaded?.exportFloor() ?? null,
    copy: () => loaded?.copy(),
    newId: (prefix) => (loaded ? loaded.newId(prefix) : `${prefix}_${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}`),
    dispose: () => loaded?.dispose(),
  }
}
