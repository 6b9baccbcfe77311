/**
 * What the chat service's parts share: the store, the cache, the API, who I am, and the small
 * host facts they need (focus, status, names, notifications, the title), all injected so that the
 * service runs under Node in tests against the real server and a real cache.
 */
import type { Message } from '../../../protocol/chat.ts'
import type { OsNotification } from '../../../protocol/ipc.ts'
import type { PlatformChatCache } from '../../platform/platform.ts'
import type { ChatActions } from '../../stores/chat/actions.ts'
import type { DesktopNotice } from '../../../protocol/desktop-ipc.ts'
import type { ChatStore } from '../../stores/chat/store.ts'
import type { ChatApi } from './chat-api.ts'

export interface ChatDeps {
  store: ChatStore
  cache: PlatformChatCache
  api: ChatApi
  workspaceId: string
  meId: string
  /** The member's own status: a mention does not notify in do-not-disturb. */
  status(): string
  /** A member's name from the directory (never a peer's own word). */
  nameOf(memberId: string): string
  /** An OS notice: `notification` in a browser, `desktop` through the desktop app's notice model. */
  notify(notification: OsNotification, desktop: DesktopNotice): void
  /** Calls back with the id of a notification the user clicked (any of the app's); returns the unsubscribe. */
  onNotificationClick(listener: (id: string) => void): () => void
  /** Brings the Chat region into view (the conversation is opened in the store first). */
  reveal(): void
  /** Whether the window has focus (read markers move only while it does). */
  focused(): boolean
  /** Calls back when focus comes or goes; returns the unsubscribe. */
  onFocus(listener: (focused: boolean) => void): () => void
  /** Shows the unread total (the window title). */
  setUnread(total: number): void
  now?: () => number
  newClientId?: () => string
}

/** The parts' shared handle: deps plus a way to report a conversation gone (404 or `gone`). */
export interface ChatContext extends ChatDeps {
  /** The store's changes (the store itself is data only). */
  act: ChatActions
  now: () => number
  /** Whether the server answered the last request (the outbox waits while not). */
  online: boolean
  /** The conversation can no longer be read: store and cache forget it. */
  drop(conversationId: string): void
  /** Keeps messages in the store and the cache. */
  keep(messages: readonly Message[], count: boolean): void
}

/** The cache is an optimisation: a failed write is logged, never thrown at the user. */
export const quietly = (p: Promise<unknown>): void => void p.catch((err: unknown) => console.warn('chat cache:', (err as Error).message))

/** Puts go over IPC in chunks the channel's schema accepts. */
export const PUT_CHUNK = 500
export async function putAll(cache: PlatformChatCache, ws: string, messages: readonly Message[]): Promise<void> {
  for (let i = 0; i < messages.length; i += PUT_CHUNK) await cache.putMessages(ws, messages.slice(i, i + PUT_CHUNK))
}
