/**
 * Messaging (issue 12): the HTTP contract and the live notices of chat, shared by the server's
 * routes, the renderer's client and the desktop cache.
 *
 * Conversations are of three kinds: workspace channels (`ch_…`, public or private), one chat per
 * room (`rm_<roomId>`, e.g. `rm_room_meeting`) and direct messages (`dm_…`, 2 to 8 people).
 * Every change to a message (posted, edited, deleted, reacted to) gives it the workspace's next
 * `seq`: a client that was away asks for everything after the last `seq` it saw (GET …/chat/events).
 * Live delivery is the data itself, server-sent on the lobby's `chat` topic to the readers only.
 */
import Type, { type Static } from 'typebox'
import { MemberIdSchema, RoomIdSchema } from './floor/records.ts'

/** Longest message body, in characters (UTF-16 code units, as a textarea's maxLength counts). */
export const MAX_MESSAGE_CHARS = 4_000
/** Largest attachment, in bytes. */
export const MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024
/** Most attachments on one message. */
export const MAX_ATTACHMENTS = 10
/** A group DM holds at most this many people, its author included. */
export const MAX_DM_MEMBERS = 8
/** Messages one member may post per window (then 429 with `until`). */
export const MESSAGE_RATE = { limit: 30, windowMs: 10_000 } as const
/** A page of history. */
export const MESSAGE_PAGE = 50
/** The most changes one catch-up answer carries; `more` says to ask again from its `seq`. */
export const CATCH_UP_LIMIT = 500
/** A client says "typing" at most this often per conversation; others show it this long. */
export const TYPING_INTERVAL_MS = 3_000
export const TYPING_SHOW_MS = 5_000
/** The only reactions a message can carry: a fixed set, as in calls. */
export const messageReactions = ['👍', '👏', '❤️', '😂', '🎉', '😮', '👀', '✅'] as const
export type MessageReaction = (typeof messageReactions)[number]

export const ConversationIdSchema = Type.String({ pattern: '^(ch|dm|rm)_[A-Za-z0-9_-]{1,60}$', maxLength: 64 })
export type ConversationId = string
export const MessageIdSchema = Type.String({ pattern: '^msg_[A-Za-z0-9_-]{1,48}$', maxLength: 64 })
export const AttachmentIdSchema = Type.String({ pattern: '^att_[A-Za-z0-9_-]{1,48}$', maxLength: 64 })
/** Chosen by the sending client (a UUID, say): sending twice with one clientId posts once. */
export const ClientIdSchema = Type.String({ pattern: '^[A-Za-z0-9_-]{8,64}$' })

/** The chat of a room: `rm_` + its room id. */
export const roomConversationId = (roomId: string): ConversationId => `rm_${roomId}`
/** The room a room chat belongs to, or null for a channel or DM. */
export const roomOfConversation = (id: string): string | null => (id.startsWith('rm_room_') ? id.slice(3) : null)

export const ConversationKindSchema = Type.Union([Type.Literal('channel'), Type.Literal('room'), Type.Literal('dm')])
export type ConversationKind = Static<typeof ConversationKindSchema>

/** Lower-case letters, digits, '-' and '_', as Slack names channels (shown with a leading #). */
export const ChannelNameSchema = Type.String({ pattern: '^[a-z0-9][a-z0-9_-]{0,79}$' })

export const ConversationSchema = Type.Object({
  id: ConversationIdSchema,
  kind: ConversationKindSchema,
  /** A channel's name (no '#'), a room chat's room name; '' for a DM (named by its people). */
  name: Type.String({ maxLength: 80 }),
  /** Channels only: readable by its members alone, joined by invitation. */
  private: Type.Boolean(),
  archived: Type.Boolean(),
  /** Channels and DMs: who belongs. Room chats: [] (readers follow the room's door). */
  members: Type.Array(MemberIdSchema),
  /** The room of a room chat, else null. */
  roomId: Type.Union([RoomIdSchema, Type.Null()]),
  createdAt: Type.Integer(),
})
export type Conversation = Static<typeof ConversationSchema>

/** A conversation as listed for one reader: with what they have not read yet. */
export const ConversationSummarySchema = Type.Intersect([
  ConversationSchema,
  Type.Object({
    /** The seq of the newest message in it (0: none yet). */
    lastSeq: Type.Integer({ minimum: 0 }),
    /** When its newest message was posted (for ordering the list), or null. */
    lastAt: Type.Union([Type.Integer(), Type.Null()]),
    /** Messages by others after the reader's read marker (deleted ones not counted). */
    unread: Type.Integer({ minimum: 0 }),
    /** Of those, how many mention the reader (@name, @here, @channel). */
    mentions: Type.Integer({ minimum: 0 }),
    /** The reader's read marker (a seq). */
    readSeq: Type.Integer({ minimum: 0 }),
    /** Whether the reader belongs (channels: joined). A public channel is listed to everyone, joined or not. */
    joined: Type.Boolean(),
  }),
])
export type ConversationSummary = Static<typeof ConversationSummarySchema>

export const AttachmentSchema = Type.Object({
  id: AttachmentIdSchema,
  name: Type.String({ minLength: 1, maxLength: 200 }),
  /** The type found from the content (magic bytes), never the name or the sender's header. */
  type: Type.String({ maxLength: 100 }),
  size: Type.Integer({ minimum: 1, maximum: MAX_ATTACHMENT_BYTES }),
  /** Images: their size in pixels, for a preview box that does not jump. */
  width: Type.Optional(Type.Integer({ minimum: 1 })),
  height: Type.Optional(Type.Integer({ minimum: 1 })),
})
export type Attachment = Static<typeof AttachmentSchema>

export const MessageSchema = Type.Object({
  id: MessageIdSchema,
  conversationId: ConversationIdSchema,
  /** Bumped on every change (post, edit, delete, reaction): the catch-up cursor. */
  seq: Type.Integer({ minimum: 1 }),
  authorId: MemberIdSchema,
  clientId: ClientIdSchema,
  /** Markdown subset source ('' once deleted). Rendered by the client, never as HTML. */
  body: Type.String({ maxLength: MAX_MESSAGE_CHARS }),
  /** The message this one replies to in a thread, or null (top level). */
  threadId: Type.Union([MessageIdSchema, Type.Null()]),
  /** Top-level messages: how many replies its thread has. */
  replies: Type.Integer({ minimum: 0 }),
  createdAt: Type.Integer(),
  editedAt: Type.Union([Type.Integer(), Type.Null()]),
  deleted: Type.Boolean(),
  /** Reaction → who reacted with it. */
  reactions: Type.Record(Type.String(), Type.Array(MemberIdSchema)),
  attachments: Type.Array(AttachmentSchema),
  /** Whom it mentions, as the server resolved @name; @here and @channel are flags. */
  mentions: Type.Array(MemberIdSchema),
  mentionsAll: Type.Boolean(),
})
export type Message = Static<typeof MessageSchema>

// ---- Requests and answers (all under /api/workspaces/:workspaceId/chat) ----

export const ConversationParamsSchema = Type.Object({ workspaceId: Type.String(), conversationId: ConversationIdSchema })
export const MessageParamsSchema = Type.Object({ workspaceId: Type.String(), messageId: MessageIdSchema })

/** GET /conversations: every conversation the caller can read (and public channels they could join). */
export const ConversationsSchema = Type.Object({ conversations: Type.Array(ConversationSummarySchema) })
export type Conversations = Static<typeof ConversationsSchema>

/** POST /channels (hosts and owners): 201 Conversation; 409 when the name is taken. */
export const CreateChannelBodySchema = Type.Object({
  name: ChannelNameSchema,
  private: Type.Optional(Type.Boolean()),
  /** Private channels: who is invited besides the creator. */
  members: Type.Optional(Type.Array(MemberIdSchema, { maxItems: 500 })),
})
export type CreateChannelBody = Static<typeof CreateChannelBodySchema>

/** PATCH /channels/:conversationId (hosts and owners): archive or unarchive. */
export const UpdateChannelBodySchema = Type.Object({ archived: Type.Boolean() })

/**
 * POST /conversations/:conversationId/members: join a public channel (yourself), or invite people
 * to a private channel you belong to. DELETE /conversations/:conversationId/members/:memberId:
 * leave (yourself) — hosts may take anyone out of a channel.
 */
export const AddMembersBodySchema = Type.Object({ members: Type.Array(MemberIdSchema, { minItems: 1, maxItems: 500 }) })

/** POST /dms: the DM of exactly these people (the caller added if missing); the existing one when it exists. */
export const OpenDmBodySchema = Type.Object({ members: Type.Array(MemberIdSchema, { minItems: 1, maxItems: MAX_DM_MEMBERS }) })

/** GET /conversations/:conversationId/messages?before=<seq>&thread=<messageId>: newest first page, oldest first in the array. */
export const HistoryQuerySchema = Type.Object({
  before: Type.Optional(Type.Integer({ minimum: 1 })),
  thread: Type.Optional(MessageIdSchema),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200 })),
})
export const MessagePageSchema = Type.Object({
  messages: Type.Array(MessageSchema),
  more: Type.Boolean(),
  /** A thread's page: the message replied to, so that a thread opened from search shows it however old. */
  parent: Type.Optional(MessageSchema),
})
export type MessagePage = Static<typeof MessagePageSchema>

/** POST /conversations/:conversationId/messages: 201 Message (200 with the same message for a repeated clientId). */
export const PostMessageBodySchema = Type.Object({
  clientId: ClientIdSchema,
  body: Type.String({ maxLength: MAX_MESSAGE_CHARS }),
  threadId: Type.Optional(MessageIdSchema),
  attachments: Type.Optional(Type.Array(AttachmentIdSchema, { maxItems: MAX_ATTACHMENTS })),
})
export type PostMessageBody = Static<typeof PostMessageBodySchema>

/** PATCH /messages/:messageId (its author only): the new body. DELETE /messages/:messageId (author, or a host). */
export const EditMessageBodySchema = Type.Object({ body: Type.String({ minLength: 1, maxLength: MAX_MESSAGE_CHARS }) })

/** PUT and DELETE /messages/:messageId/reactions/:reaction (the reaction URL-encoded). */
export const ReactionParamsSchema = Type.Object({ workspaceId: Type.String(), messageId: MessageIdSchema, reaction: Type.String({ maxLength: 16 }) })

/** PUT /conversations/:conversationId/read: the caller's read marker (never moves back). */
export const ReadBodySchema = Type.Object({ seq: Type.Integer({ minimum: 0 }) })

/** GET /events?since=<seq>: every change the caller can read after `since`, oldest first. */
export const CatchUpQuerySchema = Type.Object({ since: Type.Integer({ minimum: 0 }) })
export const CatchUpSchema = Type.Object({
  messages: Type.Array(MessageSchema),
  /** Conversations created, changed or newly readable since then (the full list is GET /conversations). */
  conversations: Type.Array(ConversationSchema),
  /** Conversations the caller can no longer read (left, removed from a private channel). */
  gone: Type.Array(ConversationIdSchema),
  /** Ask again from here. */
  seq: Type.Integer({ minimum: 0 }),
  more: Type.Boolean(),
})
export type CatchUp = Static<typeof CatchUpSchema>

/** GET /search?q=<words>&limit: messages the caller can read that match, newest first. */
export const SearchQuerySchema = Type.Object({ q: Type.String({ minLength: 1, maxLength: 200 }), limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100 })) })
export const SearchResultsSchema = Type.Object({ messages: Type.Array(MessageSchema) })

/**
 * POST /attachments?name=<file name>: the raw bytes as the body (any content-type header is
 * ignored: the type is found from the content). 201 Attachment; 413 over MAX_ATTACHMENT_BYTES;
 * 415 for content whose type is not allowed or does not match the name's extension.
 * GET /attachments/:attachmentId: the bytes, to readers of a conversation that has a message with it
 * (and to its uploader before it is posted), with its checked type and `content-disposition`.
 */
export const AttachmentParamsSchema = Type.Object({ workspaceId: Type.String(), attachmentId: AttachmentIdSchema })
export const UploadQuerySchema = Type.Object({ name: Type.String({ minLength: 1, maxLength: 200 }) })

/** POST /conversations/:conversationId/typing: relayed, lossy, to the other readers online. 204. */

// ---- Live notices: server-sent on the lobby's `chat` topic, to the readers only ----

export const ChatNoticeSchema = Type.Union([
  /** A message was posted or changed: the message itself. */
  Type.Object({ type: Type.Literal('message'), message: MessageSchema }),
  /** A conversation was created, renamed, archived, or its people changed; or the recipient may now read it. */
  Type.Object({ type: Type.Literal('conversation'), conversation: ConversationSchema }),
  /** The recipient can no longer read it (left, taken out, removed). */
  Type.Object({ type: Type.Literal('gone'), conversationId: ConversationIdSchema }),
  /** Someone is typing (lossy: sent unreliable, shown for TYPING_SHOW_MS). */
  Type.Object({ type: Type.Literal('typing'), conversationId: ConversationIdSchema, memberId: MemberIdSchema }),
])
export type ChatNotice = Static<typeof ChatNoticeSchema>
/** The largest chat notice (a message of 4,000 characters with its reactions fits well within). */
export const MAX_CHAT_NOTICE_BYTES = 64_000
