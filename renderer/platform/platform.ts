/**
 * Platform: everything the renderer asks of its host, and nothing else. Electron implements it
 * over `window.office` (electron.ts); a plain browser implements it with web APIs (web.ts).
 * Components reach it through `usePlatform()`, never through `window.office`.
 *
 * @example
 * const platform = usePlatform()
 * const snapshot = await platform.cache.getSnapshot(workspaceId)
 */
import type { Member, Workspace } from '../../protocol/api.ts'
import type { Floor } from '../../protocol/floor/records.ts'
import type { ConversationSummary, Message } from '../../protocol/chat.ts'
import type { CacheSnapshot, ChatCachePatch, ChatOutboxItem, HostConfig, HostEvent, HostEventArgs, OsNotification, PresenceSnapshot, ScreenSourceInfo } from '../../protocol/ipc.ts'
import type { CredentialProtection, DeepLink, DesktopNotice, ShortcutStatus, TrayState, UpdateState } from '../../protocol/desktop-ipc.ts'
import type { SystemTheme } from '../../protocol/theme.ts'

export interface PlatformCache {
  getSnapshot(workspaceId: string): Promise<CacheSnapshot | null>
  putWorkspace(workspace: Workspace): Promise<void>
  putFloor(workspaceId: string, floor: Floor): Promise<void>
  putMembers(workspaceId: string, members: Member[]): Promise<void>
  putPresence(workspaceId: string, presence: PresenceSnapshot): Promise<void>
  /** At sign-out: forget everything cached from the server (workspaces, floors, members, presence, chat). */
  clear(): Promise<void>
}

/**
 * The chat part of the cache (issue 12): `platform.chatCache`, apart from `platform.cache` so that
 * code needing only the office's cache (floor sync and its tests) is not made to carry it.
 * `platform.cache.clear()` wipes chat too (sign-out).
 */
export interface PlatformChatCache {
  /** The conversation list and the catch-up cursor as last seen; null when nothing is cached. */
  getChat(workspaceId: string): Promise<{ conversations: ConversationSummary[]; seq: number } | null>
  /** Replaces the list and/or moves the cursor (never back). */
  putChat(workspaceId: string, patch: ChatCachePatch): Promise<void>
  /** The newest `limit` cached messages of a conversation (thread replies included), oldest first. */
  getMessages(workspaceId: string, conversationId: string, limit: number): Promise<Message[]>
  /** Upserts by id (a lower seq never replaces a higher one), keeping the newest CHAT_CACHE_MESSAGES per conversation. */
  putMessages(workspaceId: string, messages: Message[]): Promise<void>
  /** Forgets a conversation no longer readable: its summary, messages and unsent items. */
  dropConversation(workspaceId: string, conversationId: string): Promise<void>
  /** Messages written here and not yet accepted, oldest first. */
  getOutbox(workspaceId: string): Promise<ChatOutboxItem[]>
  /** Adds or replaces (by clientId) an outbox item. */
  putOutbox(workspaceId: string, item: ChatOutboxItem): Promise<void>
  dropOutbox(workspaceId: string, clientId: string): Promise<void>
}

/**
 * A PlatformChatCache whose every call is `call(name, ...args)`: the Electron and web platforms
 * forward by name (one line instead of eight, in the start-up bundle). Not thenable.
 */
export const forwardChatCache = (call: (name: string, args: unknown[]) => Promise<unknown>): PlatformChatCache =>
  new Proxy({}, { get: (_, name) => (name === 'then' ? undefined : (...args: unknown[]) => call(String(name), args)) }) as PlatformChatCache

export interface CredentialOptions {
  /**
   * "Keep me signed in": survive closing the app or tab. Otherwise the value lives only as long
   * as this tab or window (sessionStorage in a browser; memory in Electron, never main's store).
   */
  keep: boolean
}

export interface PlatformCredentials {
  get(key: string): Promise<string | null>
  set(key: string, value: string, opts: CredentialOptions): Promise<void>
  /** Forgets the value wherever it was kept. */
  forget(key: string): Promise<void>
}

export interface PlatformSettings {
  get(key: string): Promise<string | null>
  set(key: string, value: string | null): Promise<void>
}

/** A screen or window the Electron picker offers (desktopCapturer); `thumbnail` is a data: URL. */
export type ScreenSource = ScreenSourceInfo

/**
 * Camera, microphone and screen capture. Every acquisition goes through here (a lint rule forbids
 * navigator.mediaDevices.getUserMedia/getDisplayMedia elsewhere), so each one is deliberate and
 * countable: tests count them, and the media rooms service acquires the camera once per "on".
 */
export interface PlatformMedia {
  getUserMedia(constraints: MediaStreamConstraints): Promise<MediaStream>
  /**
   * A screen share. Browser: the browser's own picker. Electron: our picker ("Share your screen",
   * renderer/platform/screen-picker.ts), then main answers setDisplayMediaRequestHandler with the
   * source chosen. A cancelled picker rejects with NotAllowedError, as a browser's does.
   */
  getDisplayMedia(options: DisplayMediaStreamOptions): Promise<MediaStream>
  enumerateDevices(): Promise<MediaDeviceInfo[]>
  /** Called when a device is plugged in or removed (the `devicechange` event); returns the unsubscribe. */
  onDevicesChanged(listener: () => void): () => void
  /** Electron only (desktop issue): the screens and windows for our own picker. Absent in a browser. */
  screenSources?(): Promise<ScreenSource[]>
  /** Electron only: the source the next getDisplayMedia captures; null cancels it. */
  chooseScreenSource?(id: string | null): Promise<void>
}

/**
 * What only the desktop app has (Electron; absent in a browser): the tray, OS notices with
 * actions, deep links, credential protection, start at login, the global mute shortcut, updates.
 * Their host events (tray:*, deeplink:opened, notify:acted, update:changed, media:toggle-mute)
 * arrive through `Platform.on`.
 */
export interface PlatformDesktop {
  /** What the tray shows: send it whenever one of its parts changes. */
  setTray(state: TrayState): Promise<void>
  /** An OS notification for a knock, wave, mention, starred arrival or reminder; false when none was shown (do-not-disturb, throttled). */
  notice(notice: DesktopNotice): Promise<boolean>
  /** The deep link the app was opened with, once; later ones arrive as `deeplink:opened`. */
  takeDeepLink(): Promise<DeepLink | null>
  /** Whether "Keep me signed in" can keep anything on this machine, and if not, why. */
  credentialProtection(): Promise<CredentialProtection>
  autostart: { get(): Promise<boolean>; set(on: boolean): Promise<boolean> }
  muteShortcut: { get(): Promise<ShortcutStatus>; set(accelerator: string | null): Promise<ShortcutStatus> }
  updates: { state(): Promise<UpdateState>; restart(): Promise<void> }
}

export interface Platform {
  readonly kind: HostConfig['platform']
  config(): Promise<HostConfig>
  cache: PlatformCache
  /** Chat's part of the cache (issue 12); wiped by `cache.clear()` with the rest. */
  chatCache: PlatformChatCache
  credentials: PlatformCredentials
  /** Small preferences kept on this machine (starred people, window state). */
  settings: PlatformSettings
  /** Shows an OS notification; a click arrives as the `notify:clicked` event with its id. */
  notify(notification: OsNotification): Promise<void>
  /** The theme the OS asks for (dark mode, high contrast); changes arrive as the `theme:changed` event. */
  systemTheme(): Promise<SystemTheme>
  /** Camera, microphone and screen capture (see PlatformMedia). */
  media: PlatformMedia
  on<E extends HostEvent>(event: E, listener: (...args: HostEventArgs<E>) => void): () => void
  /** Electron only, loaded on demand (see PlatformDesktop). */
  desktop?(): Promise<PlatformDesktop>
}

/** A host call that failed; `code` is one of protocol/errors.ts. */
export class HostError extends Error {
  readonly code: string
  constructor(code: string, message: string) {
    super(message)
    this.code = code
  }
}
