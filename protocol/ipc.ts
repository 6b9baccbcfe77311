/**
 * The IPC contract between the renderer and Electron main: invoke channels with argument and
 * result schemas, and host events. Preload allows exactly these keys; main registers one handler
 * per channel; the renderer's Electron platform calls them. Payloads are JSON only.
 */
import Type, { type Static } from 'typebox'
import { FloorSchema, WorkspaceIdSchema } from './floor/records.ts'
import { MemberSchema, WorkspaceSchema } from './api.ts'
import { AttachmentSchema, ClientIdSchema, ConversationIdSchema, ConversationSummarySchema, MAX_ATTACHMENTS, MAX_MESSAGE_CHARS, MessageIdSchema, MessageSchema } from './chat.ts'
import type { SystemTheme } from './theme.ts'
import type { HostEventName, InvokeChannelName } from './ipc-names.ts'
import { desktopChannels, desktopEvents } from './desktop-ipc.ts'

export { ScreenSourceSchema, type ScreenSourceInfo } from './desktop-ipc.ts'

export const HostConfigSchema = Type.Object({
  /** Base URL of the workspace server, e.g. `http://127.0.0.1:8080`. */
  serverUrl: Type.String(),
  platform: Type.Union([Type.Literal('electron'), Type.Literal('web')]),
  version: Type.String(),
})
export type HostConfig = Static<typeof HostConfigSchema>

/** Who was where when the app last saw the office: painted, marked as such, until the lobby answers. */
export const PresenceSnapshotSchema = Type.Object({
  savedAt: Type.Integer(),
  peers: Type.Array(
    Type.Object({
      id: Type.String({ maxLength: 64 }),
      name: Type.String({ maxLength: 64 }),
      status: Type.Union([Type.Literal('available'), Type.Literal('busy'), Type.Literal('away'), Type.Literal('dnd')]),
      statusText: Type.String({ maxLength: 200 }),
      floor: Type.String({ maxLength: 64 }),
      desk: Type.String({ maxLength: 64 }),
      room: Type.String({ maxLength: 64 }),
      x: Type.Number(),
      y: Type.Number(),
    }),
    { maxItems: 5_000 },
  ),
})
export type PresenceSnapshot = Static<typeof PresenceSnapshotSchema>

export const CacheSnapshotSchema = Type.Object({
  workspace: WorkspaceSchema,
  floors: Type.Array(FloorSchema),
  members: Type.Array(MemberSchema),
  presence: Type.Union([PresenceSnapshotSchema, Type.Null()]),
  savedAt: Type.Integer(),
})
export type CacheSnapshot = Static<typeof CacheSnapshotSchema>

/** Most messages the cache keeps per conversation (the newest); older ones are paged from the server. */
export const CHAT_CACHE_MESSAGES = 1_000
/** Most conversations, messages in one put, and outbox items the cache accepts in one call. */
const MAX_CACHED_CONVERSATIONS = 5_000
const MAX_PUT_MESSAGES = 2_000
export const MAX_OUTBOX = 500

/** The chat list as last seen, and the catch-up cursor (the last `seq` this client holds). */
export const ChatCacheSchema = Type.Object({
  conversations: Type.Array(ConversationSummarySchema, { maxItems: MAX_CACHED_CONVERSATIONS }),
  seq: Type.Integer({ minimum: 0 }),
})
export type ChatCache = Static<typeof ChatCacheSchema>
export const ChatCachePatchSchema = Type.Partial(ChatCacheSchema)
export type ChatCachePatch = Static<typeof ChatCachePatchSchema>

/**
 * A message written here and not yet accepted by the server: kept on disk so that it survives a
 * restart offline, and sent in `createdAt` order. `error` is the server's reason once refused ("not sent").
 */
export const ChatOutboxItemSchema = Type.Object({
  clientId: ClientIdSchema,
  conversationId: ConversationIdSchema,
  body: Type.String({ maxLength: MAX_MESSAGE_CHARS }),
  threadId: Type.Union([MessageIdSchema, Type.Null()]),
  createdAt: Type.Integer(),
  /** Already uploaded (uploads need the server): sent with the message. */
  attachments: Type.Optional(Type.Array(AttachmentSchema, { maxItems: MAX_ATTACHMENTS })),
  error: Type.Optional(Type.String({ maxLength: 500 })),
})
export type ChatOutboxItem = Static<typeof ChatOutboxItemSchema>

/** The themes of protocol/theme.ts, as a schema; the check below keeps the two lists equal. */
export const SystemThemeSchema = Type.Union([Type.Literal('light'), Type.Literal('dark'), Type.Literal('contrast')])
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false
export const systemThemesMatch: Same<Static<typeof SystemThemeSchema>, SystemTheme> = true

const SecretKey = Type.String({ pattern: '^[a-z][a-z0-9.-]{0,63}$' })
const SettingKey = Type.String({ pattern: '^[a-z][a-zA-Z0-9.:_-]{0,127}$' })

export const NotificationSchema = Type.Object({
  /** Echoed by the `notify:clicked` event when the user clicks the notification. */
  id: Type.String({ maxLength: 64 }),
  title: Type.String({ maxLength: 200 }),
  body: Type.String({ maxLength: 1000 }),
  silent: Type.Boolean(),
})
export type OsNotification = Static<typeof NotificationSchema>

export { BOOT_SECRET_KEY } from './ipc-names.ts'

/**
 * Fast start: what the renderer reads before its first paint, in one round trip that the preload
 * sends before the page's scripts load (preload/boot.ts). `snapshot` is the cache of the workspace
 * written most recently; the renderer uses it only when it is the workspace it asks for.
 */
export const BootSchema = Type.Object({
  config: HostConfigSchema,
  session: Type.Union([Type.String(), Type.Null()]),
  snapshot: Type.Union([CacheSnapshotSchema, Type.Null()]),
  systemTheme: SystemThemeSchema,
})
export type Boot = Static<typeof BootSchema>

export const invokeChannels = {
  'app:getConfig': { args: Type.Tuple([]), result: HostConfigSchema },
  'app:boot': { args: Type.Tuple([]), result: BootSchema },
  'cache:getSnapshot': { args: Type.Tuple([WorkspaceIdSchema]), result: Type.Union([CacheSnapshotSchema, Type.Null()]) },
  'cache:putWorkspace': { args: Type.Tuple([WorkspaceSchema]), result: Type.Null() },
  'cache:putFloor': { args: Type.Tuple([WorkspaceIdSchema, FloorSchema]), result: Type.Null() },
  'cache:putMembers': { args: Type.Tuple([WorkspaceIdSchema, Type.Array(MemberSchema)]), result: Type.Null() },
  'cache:putPresence': { args: Type.Tuple([WorkspaceIdSchema, PresenceSnapshotSchema]), result: Type.Null() },
  /** At sign-out: forget every workspace, floor, member and presence picture on this machine. */
  'cache:clear': { args: Type.Tuple([]), result: Type.Null() },
  /** Chat (issue 12): the conversation list and cursor, recent messages per conversation, the outbox. */
  'cache:getChat': { args: Type.Tuple([WorkspaceIdSchema]), result: Type.Union([ChatCacheSchema, Type.Null()]) },
  'cache:putChat': { args: Type.Tuple([WorkspaceIdSchema, ChatCachePatchSchema]), result: Type.Null() },
  'cache:getMessages': {
    args: Type.Tuple([WorkspaceIdSchema, ConversationIdSchema, Type.Integer({ minimum: 1, maximum: CHAT_CACHE_MESSAGES })]),
    result: Type.Array(MessageSchema),
  },
  'cache:putMessages': { args: Type.Tuple([WorkspaceIdSchema, Type.Array(MessageSchema, { maxItems: MAX_PUT_MESSAGES })]), result: Type.Null() },
  /** Forgets a conversation the member can no longer read, with its messages and unsent items. */
  'cache:dropConversation': { args: Type.Tuple([WorkspaceIdSchema, ConversationIdSchema]), result: Type.Null() },
  'cache:getOutbox': { args: Type.Tuple([WorkspaceIdSchema]), result: Type.Array(ChatOutboxItemSchema) },
  'cache:putOutbox': { args: Type.Tuple([WorkspaceIdSchema, ChatOutboxItemSchema]), result: Type.Null() },
  'cache:dropOutbox': { args: Type.Tuple([WorkspaceIdSchema, ClientIdSchema]), result: Type.Null() },
  'credentials:get': { args: Type.Tuple([SecretKey]), result: Type.Union([Type.String(), Type.Null()]) },
  'credentials:set': { args: Type.Tuple([SecretKey, Type.Union([Type.String({ maxLength: 8192 }), Type.Null()])]), result: Type.Null() },
  'settings:get': { args: Type.Tuple([SettingKey]), result: Type.Union([Type.String(), Type.Null()]) },
  'settings:set': { args: Type.Tuple([SettingKey, Type.Union([Type.String({ maxLength: 65_536 }), Type.Null()])]), result: Type.Null() },
  'notify:show': { args: Type.Tuple([NotificationSchema]), result: Type.Null() },
  /** The theme the OS asks for now (Electron's nativeTheme); later changes arrive as `theme:changed`. */
  'theme:getSystem': { args: Type.Tuple([]), result: SystemThemeSchema },
  /** The desktop issue's channels: tray, notices, deep links, start at login, shortcut, screen picker, updates. */
  ...desktopChannels,
} as const

export const IdleStateSchema = Type.Union([Type.Literal('active'), Type.Literal('idle'), Type.Literal('locked')])
export type IdleState = Static<typeof IdleStateSchema>

export const hostEvents = {
  'power:suspended': Type.Tuple([]),
  'power:resumed': Type.Tuple([]),
  'idle:changed': Type.Tuple([IdleStateSchema]),
  'notify:clicked': Type.Tuple([Type.String()]),
  'theme:changed': Type.Tuple([SystemThemeSchema]),
  /** The OS-wide mute shortcut (desktop issue: globalShortcut in main); toggles the microphone. */
  'media:toggle-mute': Type.Tuple([]),
  ...desktopEvents,
} as const

export type InvokeChannel = keyof typeof invokeChannels
export type InvokeArgs<C extends InvokeChannel> = Static<(typeof invokeChannels)[C]['args']>
export type InvokeResult<C extends InvokeChannel> = Static<(typeof invokeChannels)[C]['result']>
export type HostEvent = keyof typeof hostEvents
export type HostEventArgs<E extends HostEvent> = Static<(typeof hostEvents)[E]>

/** Main's handler table: TypeScript rejects a table that misses a channel. */
export type IpcHandlers = { [C in InvokeChannel]: (...args: InvokeArgs<C>) => Promise<InvokeResult<C>> }

/** What crosses the wire for an invoke: handlers throw, the wiring turns a throw into data. */
export type WireResult<T> = { ok: true; value: T } | { ok: false; code: string; message: string }

/** The one object preload exposes on `window.office`. */
export interface OfficeBridge {
  invoke<C extends InvokeChannel>(channel: C, ...args: InvokeArgs<C>): Promise<WireResult<InvokeResult<C>>>
  on<E extends HostEvent>(event: E, listener: (...args: HostEventArgs<E>) => void): () => void
}

// The preload checks names against protocol/ipc-names.ts: the same names as these maps, or this fails to compile.
export const channelNamesMatch: Same<InvokeChannelName, InvokeChannel> = true
export const eventNamesMatch: Same<HostEventName, HostEvent> = true
export { isHostEvent, isInvokeChannel } from './ipc-names.ts'
