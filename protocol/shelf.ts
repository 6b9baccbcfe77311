/**
 * Issue 14: a shelf per desk and per room, holding Markdown notes and files, each with a comment
 * thread; members follow a shelf to hear of its comments. Wire shapes only (HTTP and live notices).
 *
 * Who sees what (server/shelf/access.ts decides):
 * - a room's shelf: whoever the room's door would not refuse as private (protocol/rules.ts
 *   decideEntry, as room chats); everyone else gets 404 on every route of it;
 * - a desk's shelf: every member reads it; its owner, hosts, and on a desk nobody owns every member,
 *   add to it; guests do not see desk shelves (404);
 * - an item or a comment is changed or removed by its author, a host, or the place's owner.
 *
 * @example
 * POST /api/workspaces/ws_1/shelves/desk_1/notes { "title": "Plan", "body": "**Ship** it" }
 * POST /api/workspaces/ws_1/shelves/room_1/files?name=report.pdf   (raw bytes, ≤ 25 MB)
 * POST /api/workspaces/ws_1/shelves/desk_1/items/shi_x/comments { "body": "Nice" }
 */
import Type, { type Static } from 'typebox'
import { MemberIdSchema } from './floor/records.ts'
import { topics } from './presence.ts'

export const SHELF_LIMITS = {
  /** A file's bytes: 25 MB. A larger upload gets 413 naming this limit. */
  fileBytes: 25 * 1024 * 1024,
  title: 200,
  /** Characters of a note's Markdown. */
  noteBody: 20_000,
  comment: 4_000,
  /** Items on one shelf; one more is refused (409) naming this limit. */
  items: 500,
  /** Comments on one item. */
  comments: 1_000,
  /** Results of one search. */
  results: 50,
  /** Notes, edits, comments and removals per member: each is a notice to those who see the shelf. A 121st in 10 minutes gets 429. */
  writeRate: { limit: 120, windowMs: 10 * 60_000 },
  /** Files per member, up to 25 MB each: a 21st in 10 minutes gets 429, before its bytes are read. */
  fileRate: { limit: 20, windowMs: 10 * 60_000 },
} as const

/** The lobby topic of shelf notices (server-sent only). */
export const SHELF_TOPIC = topics.shelf
/** Largest shelf notice a client accepts (LiveKit's reliable packets stop near 15 KiB). */
export const MAX_SHELF_NOTICE_BYTES = 15_000

export const PlaceIdSchema = Type.String({ pattern: '^(room|desk)_[A-Za-z0-9_-]{1,48}$', maxLength: 64 })
export const ShelfItemIdSchema = Type.String({ pattern: '^shi_[A-Za-z0-9_-]{1,48}$', maxLength: 64 })
export const ShelfCommentIdSchema = Type.String({ pattern: '^shc_[A-Za-z0-9_-]{1,48}$', maxLength: 64 })
const Time = Type.Integer({ minimum: 0, maximum: 8_640_000_000_000 })
/** Text with something in it, on one line (titles, file names). */
const line = (max: number) => Type.String({ minLength: 1, maxLength: max, pattern: '^[^\\u0000-\\u001f\\u007f]*\\S[^\\u0000-\\u001f\\u007f]*$' })

export const ShelfFileSchema = Type.Object({
  type: Type.String({ maxLength: 100 }),
  size: Type.Integer({ minimum: 1, maximum: SHELF_LIMITS.fileBytes }),
})

/** An item as lists and notices show it: no note body (read it with the item). */
export const ShelfItemSummarySchema = Type.Object({
  id: ShelfItemIdSchema,
  placeId: PlaceIdSchema,
  kind: Type.Union([Type.Literal('note'), Type.Literal('file')]),
  /** A note's title, or a file's name. */
  title: Type.String({ maxLength: SHELF_LIMITS.title }),
  authorId: Type.Union([MemberIdSchema, Type.Null()]),
  createdAt: Time,
  updatedAt: Time,
  comments: Type.Integer({ minimum: 0 }),
  /** Files: their type (found from their content) and size; null for notes. */
  file: Type.Union([ShelfFileSchema, Type.Null()]),
})
export type ShelfItemSummary = Static<typeof ShelfItemSummarySchema>

export const ShelfItemSchema = Type.Object({
  ...ShelfItemSummarySchema.properties,
  /** A note's Markdown ('' for a file). */
  body: Type.String({ maxLength: SHELF_LIMITS.noteBody }),
})
export type ShelfItem = Static<typeof ShelfItemSchema>

export const ShelfCommentSchema = Type.Object({
  id: ShelfCommentIdSchema,
  itemId: ShelfItemIdSchema,
  authorId: Type.Union([MemberIdSchema, Type.Null()]),
  body: Type.String({ maxLength: SHELF_LIMITS.comment }),
  createdAt: Time,
  updatedAt: Time,
})
export type ShelfComment = Static<typeof ShelfCommentSchema>

/** GET /shelves/:place: the shelf as the caller sees it. */
export const ShelfSchema = Type.Object({
  placeId: PlaceIdSchema,
  kind: Type.Union([Type.Literal('room'), Type.Literal('desk')]),
  name: Type.String({ maxLength: 100 }),
  /** The caller hears of its comments (following it, or owning the desk). */
  following: Type.Boolean(),
  /** The caller may add notes and files. */
  mayAdd: Type.Boolean(),
  /** The caller may change or remove anyone's items and comments here (a host, the place's owner). */
  moderates: Type.Boolean(),
  items: Type.Array(ShelfItemSummarySchema, { maxItems: SHELF_LIMITS.items }),
})
export type Shelf = Static<typeof ShelfSchema>

/** GET /shelves/:place/items/:item: the item with its body and its comments, oldest first. */
export const ShelfItemThreadSchema = Type.Object({
  item: ShelfItemSchema,
  comments: Type.Array(ShelfCommentSchema, { maxItems: SHELF_LIMITS.comments }),
})
export type ShelfItemThread = Static<typeof ShelfItemThreadSchema>

/** GET /shelves: how many items each shelf the caller may see holds (shelves holding none are left out). */
export const ShelfCountsSchema = Type.Object({
  shelves: Type.Array(Type.Object({ placeId: PlaceIdSchema, items: Type.Integer({ minimum: 1 }) }), { maxItems: 6_000 }),
})
export type ShelfCounts = Static<typeof ShelfCountsSchema>

export const ShelfSearchQuery = Type.Object({ q: Type.String({ minLength: 2, maxLength: 100, pattern: '\\S' }) })
export const ShelfSearchSchema = Type.Object({
  results: Type.Array(Type.Object({ item: ShelfItemSummarySchema, placeName: Type.String({ maxLength: 100 }) }), { maxItems: SHELF_LIMITS.results }),
})
export type ShelfSearch = Static<typeof ShelfSearchSchema>

export const NewNoteBody = Type.Object(
  { title: line(SHELF_LIMITS.title), body: Type.String({ maxLength: SHELF_LIMITS.noteBody }) },
  { additionalProperties: false },
)
export type NewNoteBody = Static<typeof NewNoteBody>
/** A note's title and body, or a file's name (a file's bytes do not change). */
export const EditItemBody = Type.Object(
  { title: Type.Optional(line(SHELF_LIMITS.title)), body: Type.Optional(Type.String({ maxLength: SHELF_LIMITS.noteBody })) },
  { additionalProperties: false, minProperties: 1 },
)
export type EditItemBody = Static<typeof EditItemBody>
export const FileQuery = Type.Object({ name: line(SHELF_LIMITS.title) })
export const CommentBody = Type.Object(
  { body: Type.String({ minLength: 1, maxLength: SHELF_LIMITS.comment, pattern: '\\S' }) },
  { additionalProperties: false },
)
export type CommentBody = Static<typeof CommentBody>
export const FollowingSchema = Type.Object({ following: Type.Boolean() })

/**
 * Live notices on SHELF_TOPIC:
 * - `item`: an item as it is after a change (added, edited, commented), with how many items its
 *   shelf holds now; to everyone who may see the shelf;
 * - `item-gone`: an item removed, with the shelf's count; to the same;
 * - `comment`: a new comment, to the desk's owner and the shelf's followers (never its writer),
 *   who see it as an alert with Open.
 */
export const ShelfNoticeSchema = Type.Union([
  Type.Object({ type: Type.Literal('item'), item: ShelfItemSummarySchema, items: Type.Integer({ minimum: 0 }) }),
  Type.Object({ type: Type.Literal('item-gone'), placeId: PlaceIdSchema, itemId: ShelfItemIdSchema, items: Type.Integer({ minimum: 0 }) }),
  Type.Object({
    type: Type.Literal('comment'),
    placeId: PlaceIdSchema,
    placeName: Type.String({ maxLength: 100 }),
    item: Type.Object({ id: ShelfItemIdSchema, title: Type.String({ maxLength: SHELF_LIMITS.title }), kind: Type.Union([Type.Literal('note'), Type.Literal('file')]) }),
    comment: ShelfCommentSchema,
  }),
])
export type ShelfNotice = Static<typeof ShelfNoticeSchema>
