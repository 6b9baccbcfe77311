/**
 * Issue 14: the board of who works on what. Each member has one entry: a "working on" line (text,
 * an optional http(s) link, and since when: the server sets it when the text changes) and up to
 * three pinned tasks, each with a status and an optional due date. Every change is kept in the
 * member's history (the last `BOARD_LIMITS.history`). Members read and write the board; guests do
 * neither and hear none of its notices. Wire shapes only.
 *
 * @example
 * PUT /api/workspaces/ws_1/board/line  { "text": "Release notes", "link": "https://example.com/pr/1" }
 * PUT /api/workspaces/ws_1/board/tasks { "tasks": [{ "title": "Review", "status": "doing", "due": "2026-12-01" }] }
 */
import Type, { type Static } from 'typebox'
import { MemberIdSchema, WorkspaceIdSchema } from './floor/records.ts'

export const BOARD_LIMITS = {
  /** Characters of a working-on line. */
  text: 200,
  link: 500,
  /** Characters of a task's title. */
  taskTitle: 120,
  /** Pinned tasks per member: a fourth is refused, naming this limit. */
  tasks: 3,
  /** Changes kept per member; older ones are dropped. */
  history: 50,
  /** Writes one member may make per window (each goes live to every member), then 429. */
  rate: { limit: 120, windowMs: 10 * 60_000 },
} as const

/** One line of text: no control characters (no line breaks), which the board shows as one line. */
const lineText = (maxLength: number, minLength = 0) => Type.String({ minLength, maxLength, pattern: '^[^\\u0000-\\u001f\\u007f]*$' })

/** An http or https address. */
export const BoardLinkSchema = Type.String({ minLength: 8, maxLength: BOARD_LIMITS.link, pattern: '^[hH][tT][tT][pP][sS]?://[^\\s]+$' })
export const TaskStatusSchema = Type.Union([Type.Literal('todo'), Type.Literal('doing'), Type.Literal('done')])
export type TaskStatus = Static<typeof TaskStatusSchema>
/** A calendar date, YYYY-MM-DD (the server also checks that the day exists). */
export const DueDateSchema = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$', maxLength: 10 })

export const BoardTaskSchema = Type.Object(
  {
    title: lineText(BOARD_LIMITS.taskTitle, 1),
    status: TaskStatusSchema,
    due: Type.Union([DueDateSchema, Type.Null()]),
  },
  { additionalProperties: false },
)
export type BoardTask = Static<typeof BoardTaskSchema>

export const BoardEntrySchema = Type.Object(
  {
    memberId: MemberIdSchema,
    /** The working-on line; empty when the member cleared it. */
    text: lineText(BOARD_LIMITS.text),
    link: Type.Union([BoardLinkSchema, Type.Null()]),
    /** When the text last changed (ms since the epoch), set by the server. */
    since: Type.Number(),
    /** When anything last changed. */
    updatedAt: Type.Number(),
    tasks: Type.Array(BoardTaskSchema, { maxItems: BOARD_LIMITS.tasks }),
  },
  { additionalProperties: false },
)
export type BoardEntry = Static<typeof BoardEntrySchema>

export const BoardSchema = Type.Object({ entries: Type.Array(BoardEntrySchema) })

/** One change, as the entry was right after it. */
export const BoardChangeSchema = Type.Object(
  {
    at: Type.Number(),
    /** What the change was to: the line (text or link) or the tasks. */
    kind: Type.Union([Type.Literal('line'), Type.Literal('tasks')]),
    text: lineText(BOARD_LIMITS.text),
    link: Type.Union([BoardLinkSchema, Type.Null()]),
    since: Type.Number(),
    tasks: Type.Array(BoardTaskSchema, { maxItems: BOARD_LIMITS.tasks }),
  },
  { additionalProperties: false },
)
export type BoardChange = Static<typeof BoardChangeSchema>
/** A member's changes, newest first. */
export const BoardHistorySchema = Type.Object({ memberId: MemberIdSchema, changes: Type.Array(BoardChangeSchema, { maxItems: BOARD_LIMITS.history }) })
export type BoardHistory = Static<typeof BoardHistorySchema>

/** `PUT …/board/line`: the caller's own line, whole: the server trims the text; no link is none. */
export const BoardLineBody = Type.Object(
  { text: lineText(BOARD_LIMITS.text), link: Type.Optional(Type.Union([BoardLinkSchema, Type.Null()])) },
  { additionalProperties: false },
)
export type BoardLineBody = Static<typeof BoardLineBody>
/**
 * `PUT …/board/tasks`: the caller's pinned tasks, all of them. The schema takes a few more than
 * the limit so that the answer to a fourth names the limit rather than a schema rule.
 */
export const BoardTasksBody = Type.Object({ tasks: Type.Array(BoardTaskSchema, { maxItems: 20 }) }, { additionalProperties: false })
export type BoardTasksBody = Static<typeof BoardTasksBody>

export const BoardParams = Type.Object({ ws: WorkspaceIdSchema })
export const BoardMemberParams = Type.Object({ ws: WorkspaceIdSchema, member: MemberIdSchema })

/**
 * Server-sent on the lobby's `board` topic to every member but guests after a change: the
 * member's entry as it is now. Clients keep, per member, the entry with the latest `updatedAt`.
 */
export const BoardNoticeSchema = Type.Object({ type: Type.Literal('entry'), entry: BoardEntrySchema }, { additionalProperties: false })
export type BoardNotice = Static<typeof BoardNoticeSchema>
/** Far above the largest entry (about 3 KiB), far below LiveKit's reliable-packet limit (15 KiB). */
export const MAX_BOARD_NOTICE_BYTES = 8_000
