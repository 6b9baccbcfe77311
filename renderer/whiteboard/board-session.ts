/**
 * One open whiteboard: what is drawn here goes to the others in the room at once (sync.ts) and to
 * the server a little later (a save the server merges, then a thumbnail for people outside the
 * room); what the others draw is merged in without entering this member's undo history.
 */
import type { Room } from 'livekit-client'
import { drawn, mergeElements, type Element } from '../../protocol/whiteboard.ts'
import { createBoardSync } from './sync.ts'
import type { WhiteboardApi } from './whiteboard-api.ts'

/** A save goes this long after the last stroke; a thumbnail this long after the last save. */
const SAVE_AFTER_MS = 700
const THUMBNAIL_AFTER_MS = 2_500

/** What the session needs of the drawing surface (Excalidraw's imperative API). */
export interface Surface {
  elements(): readonly Element[]
  /** Shows `elements` as they are; `remote`: a peer's change, kept out of this member's undo history. */
  show(elements: readonly Element[], remote: boolean): void
  /** A small PNG of `elements` (Excalidraw's exportToBlob: no mounted surface needed). */
  thumbnail(elements: readonly Element[]): Promise<Blob | null>
}

export interface BoardSession {
  /** The surface changed (Excalidraw's onChange): send and save what grew. */
  changed(elements: readonly Element[]): void
  /** Saves what is not saved yet, now (closing the board). */
  close(): Promise<void>
  /** Elements drawn, as last seen. */
  readonly count: number
}

export function startBoardSession(opts: { api: WhiteboardApi; roomId: string; room: Room | null; surface: Surface; onCount(n: number): void; onError(message: string | null): void }): BoardSession {
  const { api, roomId, surface } = opts
  const saved = new Map<string, number>()
  let saveTimer: ReturnType<typeof setTimeout> | null = null
  let thumbTimer: ReturnType<typeof setTimeout> | null = null
  let saving: Promise<void> = Promise.resolve()
  let count = -1
  let closed = false
  // The board as last shown: the surface may already be gone when the panel closes.
  let latest: readonly Element[] = surface.elements()

  const counted = (elements: readonly Element[]) => {
    const n = drawn(elements)
    if (n !== count) opts.onCount((count = n))
  }
  const unsaved = (elements: readonly Element[]) => elements.filter((e) => (saved.get(e.id) ?? -1) < e.version)

  const thumbnail = (elements: readonly Element[]) => {
    thumbTimer = null
    void surface.thumbnail(elements).then((png) => png && api.putThumbnail(roomId, png)).catch(() => undefined)
  }
  const save = (elements: readonly Element[]) => {
    saveTimer = null
    const batch = unsaved(elements)
    if (batch.length === 0) return saving
    saving = saving
      .then(() => api.save(roomId, batch))
      .then(() => {
        for (const e of batch) saved.set(e.id, Math.max(saved.get(e.id) ?? -1, e.version))
        opts.onError(null)
        if (!closed) {
          if (thumbTimer) clearTimeout(thumbTimer)
          thumbTimer = setTimeout(() => thumbnail(surface.elements()), THUMBNAIL_AFTER_MS)
        }
      })
      .catch((err: unknown) => opts.onError(`Could not save the whiteboard: ${(err as Error).message}. Your drawing is kept here and saved again with the next change.`))
    return saving
  }

  const sync = opts.room
    ? createBoardSync(opts.room, {
        current: () => surface.elements(),
        onRemote(incoming) {
          const merged = mergeElements(surface.elements(), incoming)
          // A peer's strokes are theirs to save; this member saves only what it drew.
          for (const e of incoming) if ((saved.get(e.id) ?? -1) < e.version) saved.set(e.id, e.version)
          if (merged.changed) surface.show((latest = merged.elements), true)
          counted(merged.elements)
        },
      })
    : null

  // The saved board: what the surface opened with counts as saved.
  for (const e of surface.elements()) saved.set(e.id, e.version)
  counted(surface.elements())

  return {
    changed(elements) {
      latest = elements
      counted(elements)
      if (!elements.some((e) => (saved.get(e.id) ?? -1) < e.version)) return
      sync?.changed(elements)
      if (saveTimer) clearTimeout(saveTimer)
      saveTimer = setTimeout(() => void save(surface.elements()), SAVE_AFTER_MS)
    },
    async close() {
      const last = latest
      const stale = thumbTimer !== null || unsaved(last).length > 0
      closed = true
      sync?.stop()
      if (saveTimer) clearTimeout(saveTimer)
      if (thumbTimer) clearTimeout(thumbTimer)
      await save(last)
      if (stale) thumbnail(last)
    },
    get count() {
      return count
    },
  }
}
