/**
 * Issue 14: a whiteboard in every room. The drawing is Excalidraw's: a list of elements, each with
 * an id, a `version` that grows with every change and a random `versionNonce`. Two copies merge
 * element by element, the higher version winning (the lower nonce on a tie, so every copy picks
 * the same one); a deletion is an element marked `isDeleted`, so it wins like any other change.
 * Peers send the elements they changed over the room's LiveKit connection; the server keeps the
 * merged board with its past versions, and a thumbnail for people outside the room.
 *
 * Trust: an element is a peer's drawing, never an instruction. Only the fields the merge reads are
 * checked strictly; the rest (Excalidraw's own) is bounded in size and passed to Excalidraw, which
 * draws it and nothing else.
 */
import Type, { type Static } from 'typebox'

/** The room connection's data topic of whiteboard changes (a LiveKit text stream). */
export const WHITEBOARD_TOPIC = 'whiteboard'
/** Most elements a board holds (deleted ones included). */
export const MAX_ELEMENTS = 5_000
/** Largest board the server keeps, and largest change a client accepts from a peer (JSON bytes). */
export const MAX_BOARD_BYTES = 4 * 1024 * 1024
/** Past versions kept per board. */
export const VERSIONS_KEPT = 30
/** Largest thumbnail (PNG) the server keeps. */
export const MAX_THUMBNAIL_BYTES = 256 * 1024

export const ElementSchema = Type.Object(
  {
    id: Type.String({ minLength: 1, maxLength: 64 }),
    type: Type.String({ minLength: 1, maxLength: 32 }),
    version: Type.Integer({ minimum: 0, maximum: Number.MAX_SAFE_INTEGER }),
    versionNonce: Type.Integer({ minimum: -Number.MAX_SAFE_INTEGER, maximum: Number.MAX_SAFE_INTEGER }),
    isDeleted: Type.Boolean(),
  },
  { additionalProperties: true },
)
export type Element = Static<typeof ElementSchema>

export const ElementsSchema = Type.Array(ElementSchema, { maxItems: MAX_ELEMENTS })

/** A board as the server keeps it: `version` counts saves that changed it (0: never drawn on). */
export const BoardSchema = Type.Object({
  roomId: Type.String(),
  version: Type.Integer({ minimum: 0 }),
  elements: ElementsSchema,
  savedAt: Type.Union([Type.Integer(), Type.Null()]),
  savedBy: Type.Union([Type.String(), Type.Null()]),
})
export type Board = Static<typeof BoardSchema>

export const SaveBoardBody = Type.Object({ elements: ElementsSchema }, { additionalProperties: false })

export const BoardVersionSchema = Type.Object({ version: Type.Integer(), savedAt: Type.Integer(), savedBy: Type.Union([Type.String(), Type.Null()]), elements: Type.Integer({ description: 'elements drawn (not deleted)' }) })
export const BoardVersionsSchema = Type.Object({ versions: Type.Array(BoardVersionSchema) })

/** A peer's packet: the elements it changed, or (to a newcomer) the whole board. */
export const WhiteboardPacketSchema = Type.Object({ elements: ElementsSchema }, { additionalProperties: false })
export type WhiteboardPacket = Static<typeof WhiteboardPacketSchema>

/** Whether `a` wins over `b`, the same element in two copies. */
export const wins = (a: Element, b: Element): boolean => a.version > b.version || (a.version === b.version && a.versionNonce < b.versionNonce)

/**
 * `base` with `incoming` merged in, element by element, in `base`'s order with new elements after;
 * `changed` says whether anything of `incoming` won.
 */
export function mergeElements<E extends Element>(base: readonly E[], incoming: readonly E[]): { elements: E[]; changed: boolean } {
  const index = new Map(base.map((e, i) => [e.id, i]))
  const elements = [...base]
  let changed = false
  for (const e of incoming) {
    const at = index.get(e.id)
    if (at === undefined) {
      index.set(e.id, elements.length)
      elements.push(e)
      changed = true
    } else if (wins(e, elements[at]!)) {
      elements[at] = e
      changed = true
    }
  }
  return { elements, changed }
}

/** Elements still drawn. */
export const drawn = (elements: readonly Element[]): number => elements.reduce((n, e) => n + (e.isDeleted ? 0 : 1), 0)
