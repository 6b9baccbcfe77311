/**
 * The chat service as the UI sees it (issue 12). The UI reads the chat store
 * (renderer/stores/chat/store.ts + selectors.ts) and acts only through these calls; it never calls
 * fetch, the cache or LiveKit itself. Reach it as `office.chat` (useOffice().chat): its code loads
 * on first use, out of the start-up bundle, so every call may take a tick longer the first time.
 *
 * Errors: calls that ask the server something reject with `ChatError` (a clear `message` to show,
 * the server's `reason` when it gave one: 'not-joined', 'archived', …). `send` never rejects for a
 * server refusal: the message stays in the outbox with `error` ("not sent — <reason>").
 */
import type { Attachment, ConversationSummary, CreateChannelBody, Message, MessageReaction } from '../../../protocol/chat.ts'

export class ChatError extends Error {
  /** HTTP status (0: the server could not be reached). */
  readonly status: number
  /** The server's reason code or error, when it gave one (e.g. 'not-joined', 'archived', 'rate_limited'). */
  readonly reason: string | null
  /** On a 429: when sending may start again (epoch ms). */
  readonly until: number | null
  constructor(status: number, message: string, reason: string | null = null, until: number | null = null) {
    super(message)
    this.name = 'ChatError'
    this.status = status
    this.reason = reason
    this.until = until
  }
}

export interface SendOptions {
  /** Reply in this message's thread. */
  threadId?: string | null
  /** Attachments uploaded with `upload` first (needs the server). */
  attachments?: Attachment[]
}

export interface ChatService {
  /**
   * Shows a conversation (null: none): its cached messages at once, then the newest page from the
   * server; marks it read while the window has focus. Resolves once the cached page is in the store.
   */
  open(conversationId: string | null): Promise<void>
  /**
   * Opens a thread panel on a top-level message (null closes it) and loads its replies;
   * `conversationId` finds a parent that is not in the history held (a thread opened from search).
   */
  openThread(messageId: string | null, conversationId?: string): Promise<void>
  /** Loads the page before the oldest message held (of a conversation or, with threadId, a thread). Resolves false when there is no more. */
  loadOlder(conversationId: string, threadId?: string | null): Promise<boolean>

  /**
   * Sends a message: in the outbox (and the cache) at once, then posted in order when online.
   * Offline it waits and goes on reconnect; a refusal (4xx) marks it "not sent" with the reason.
   * Resolves with the outbox item's clientId once it is queued (not when delivered).
   */
  send(conversationId: string, body: string, opts?: SendOptions): Promise<string>
  /** Sends a "not sent" message again (same clientId: it cannot post twice). */
  retry(clientId: string): Promise<void>
  /** Drops a "not sent" (or still pending) message from the outbox. */
  discard(clientId: string): Promise<void>
  /** Edits one of my messages (the store updates from the answer). */
  edit(messageId: string, body: string): Promise<Message>
  /** Deletes a message (mine, or any as a host). */
  remove(messageId: string): Promise<Message>
  /** Adds (on) or takes back (off) my reaction. */
  react(messageId: string, reaction: MessageReaction, on: boolean): Promise<Message>

  /** Call on every keystroke in the Message box: says "typing" at most every TYPING_INTERVAL_MS. */
  typing(conversationId: string): void

  /** Uploads a file's bytes (≤ MAX_ATTACHMENT_BYTES); rejects with the server's 413/415 message. */
  upload(file: Blob, name: string): Promise<Attachment>
  /**
   * A URL for an attachment's bytes (an object URL: the download needs the session's token).
   * Cached per attachment while the service lives; revoked at sign-out.
   */
  attachmentUrl(attachmentId: string): Promise<string>

  /** Messages matching `query` across conversations the member can read, newest first. */
  search(query: string, limit?: number): Promise<Message[]>

  /** Hosts and owners: creates a channel; resolves with its summary (already in the store). */
  createChannel(body: CreateChannelBody): Promise<ConversationSummary>
  /** Hosts and owners: archive (read-only) or unarchive. */
  setArchived(conversationId: string, archived: boolean): Promise<void>
  /** Joins a public channel. */
  join(conversationId: string): Promise<void>
  /** Leaves a channel (not #general). */
  leave(conversationId: string): Promise<void>
  /** Invites people to a private channel I belong to. */
  invite(conversationId: string, memberIds: string[]): Promise<void>
  /** Opens (or finds) the DM with these people (me added; up to 7 others); resolves with its id. */
  openDm(memberIds: string[]): Promise<string>
}
