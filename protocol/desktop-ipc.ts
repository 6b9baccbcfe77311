/**
 * The desktop issue's part of the IPC contract (protocol/ipc.ts spreads these maps into its own):
 * the tray, OS notices with actions, deep links, credential protection, start at login, the
 * global mute shortcut, the screen picker and updates. Every argument has a schema; main's
 * handlers are main/desktop/handlers.ts.
 */
import Type, { type Static } from 'typebox'
import type { Status } from './presence.ts'

const Id = Type.String({ pattern: '^[A-Za-z0-9_-]{1,64}$' })
export const StatusSchema = Type.Union([Type.Literal('available'), Type.Literal('busy'), Type.Literal('away'), Type.Literal('dnd')])
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false
/** Keeps the schema's list equal to protocol/presence.ts `statuses`. */
export const statusesMatch: Same<Static<typeof StatusSchema>, Status> = true

/** What the tray shows; the renderer reports it whenever one of these changes. */
export const TrayStateSchema = Type.Object({
  signedIn: Type.Boolean(),
  status: StatusSchema,
  statusText: Type.String({ maxLength: 200 }),
  muted: Type.Boolean(),
  inRoom: Type.Boolean(),
  unread: Type.Integer({ minimum: 0, maximum: 1_000_000 }),
})
export type TrayState = Static<typeof TrayStateSchema>

/** Something worth an OS notification; main decides whether and how (main/desktop/notification-model.ts). */
export const DesktopNoticeSchema = Type.Object({
  kind: Type.Union([Type.Literal('knock'), Type.Literal('wave'), Type.Literal('mention'), Type.Literal('starred'), Type.Literal('reminder')]),
  /** Who it is from (a member id), or the event id for a reminder: the throttle's key. */
  from: Id,
  fromName: Type.String({ maxLength: 80 }),
  /** The room or conversation it is about, by name ('' when none). */
  place: Type.String({ maxLength: 120 }),
  /** A mention's message or a reminder's start ('' when none). */
  text: Type.String({ maxLength: 1000 }),
  /** What the click or an action refers to: a prompt id, `conversation/message`, an event id. */
  ref: Type.String({ maxLength: 200 }),
})
export type DesktopNotice = Static<typeof DesktopNoticeSchema>
export const NoticeActionSchema = Type.Union([Type.Literal('open'), Type.Literal('admit'), Type.Literal('join'), Type.Literal('reply')])
export type NoticeAction = Static<typeof NoticeActionSchema>

/** A checked `virtualoffice://<host>/<workspace>/room/<room>` or `…/member/<id>` link. */
export const DeepLinkSchema = Type.Object({
  host: Type.String({ maxLength: 253 }),
  workspaceId: Id,
  target: Type.Union([Type.Literal('room'), Type.Literal('member')]),
  id: Id,
})
export type DeepLink = Static<typeof DeepLinkSchema>

export const CredentialProtectionSchema = Type.Object({
  /** False: the session token is kept in memory only, and the member signs in at each start. */
  persistent: Type.Boolean(),
  reason: Type.Union([Type.String({ maxLength: 300 }), Type.Null()]),
})
export type CredentialProtection = Static<typeof CredentialProtectionSchema>

export const ShortcutStatusSchema = Type.Object({
  accelerator: Type.Union([Type.String({ maxLength: 100 }), Type.Null()]),
  registered: Type.Boolean(),
  /** Why it is not registered: invalid, or taken by another application. */
  error: Type.Union([Type.String({ maxLength: 300 }), Type.Null()]),
})
export type ShortcutStatus = Static<typeof ShortcutStatusSchema>

export const UpdateStateSchema = Type.Object({
  phase: Type.Union([Type.Literal('disabled'), Type.Literal('idle'), Type.Literal('checking'), Type.Literal('downloading'), Type.Literal('ready'), Type.Literal('error')]),
  version: Type.Union([Type.String({ maxLength: 64 }), Type.Null()]),
  percent: Type.Union([Type.Number({ minimum: 0, maximum: 100 }), Type.Null()]),
  error: Type.Union([Type.String({ maxLength: 500 }), Type.Null()]),
})
export type UpdateState = Static<typeof UpdateStateSchema>

/** A screen or window Electron's desktopCapturer offers; `thumbnail` is a small data: URL. */
export const ScreenSourceSchema = Type.Object({
  id: Type.String({ maxLength: 200 }),
  name: Type.String({ maxLength: 500 }),
  kind: Type.Union([Type.Literal('screen'), Type.Literal('window')]),
  thumbnail: Type.String({ maxLength: 200_000 }),
})
export type ScreenSourceInfo = Static<typeof ScreenSourceSchema>

export const desktopChannels = {
  'tray:setState': { args: Type.Tuple([TrayStateSchema]), result: Type.Null() },
  /** True when an OS notification was shown (not during do-not-disturb, not over the sender's limit). */
  'notify:notice': { args: Type.Tuple([DesktopNoticeSchema]), result: Type.Boolean() },
  /** The link the app was started with (or one that arrived before the renderer listened), once. */
  'deeplink:take': { args: Type.Tuple([]), result: Type.Union([DeepLinkSchema, Type.Null()]) },
  'credentials:protection': { args: Type.Tuple([]), result: CredentialProtectionSchema },
  'autostart:get': { args: Type.Tuple([]), result: Type.Boolean() },
  'autostart:set': { args: Type.Tuple([Type.Boolean()]), result: Type.Boolean() },
  'shortcut:getMute': { args: Type.Tuple([]), result: ShortcutStatusSchema },
  /** A new accelerator (Electron syntax, e.g. `CommandOrControl+Shift+M`); null turns it off. */
  'shortcut:setMute': { args: Type.Tuple([Type.Union([Type.String({ maxLength: 100 }), Type.Null()])]), result: ShortcutStatusSchema },
  'screen:sources': { args: Type.Tuple([]), result: Type.Array(ScreenSourceSchema, { maxItems: 100 }) },
  /** The source the next getDisplayMedia captures; null cancels the pending request. */
  'screen:choose': { args: Type.Tuple([Type.Union([Type.String({ maxLength: 200 }), Type.Null()])]), result: Type.Null() },
  'update:getState': { args: Type.Tuple([]), result: UpdateStateSchema },
  /** Quits and installs a downloaded update (otherwise it installs at the next quit). */
  'update:restart': { args: Type.Tuple([]), result: Type.Null() },
} as const

export const desktopEvents = {
  'tray:statusChosen': Type.Tuple([StatusSchema]),
  'tray:deskRequested': Type.Tuple([]),
  'deeplink:opened': Type.Tuple([DeepLinkSchema]),
  /** A notification's button (or a click: 'open'); `reply` carries the typed text, else ''. */
  'notify:acted': Type.Tuple([Type.String({ maxLength: 200 }), NoticeActionSchema, Type.String({ maxLength: 4000 })]),
  'update:changed': Type.Tuple([UpdateStateSchema]),
} as const
