/**
 * The names in the IPC contract, without its schemas: what the preload needs to refuse an unknown
 * channel or event. The preload imports this and never protocol/ipc.ts, whose TypeBox schemas
 * would make it a 237 kB script that Electron compiles again at every window load (no code cache
 * for preloads). protocol/ipc.ts holds these lists equal to its maps' keys, for the compiler and
 * at run time (test/unit/protocol/ipc-names.test.ts).
 */

export const INVOKE_CHANNELS = [
  'app:getConfig',
  'app:boot',
  'cache:getSnapshot',
  'cache:putWorkspace',
  'cache:putFloor',
  'cache:putMembers',
  'cache:putPresence',
  'cache:clear',
  'cache:getChat',
  'cache:putChat',
  'cache:getMessages',
  'cache:putMessages',
  'cache:dropConversation',
  'cache:getOutbox',
  'cache:putOutbox',
  'cache:dropOutbox',
  'credentials:get',
  'credentials:set',
  'settings:get',
  'settings:set',
  'notify:show',
  'theme:getSystem',
  'tray:setState',
  'notify:notice',
  'deeplink:take',
  'credentials:protection',
  'autostart:get',
  'autostart:set',
  'shortcut:getMute',
  'shortcut:setMute',
  'screen:sources',
  'screen:choose',
  'update:getState',
  'update:restart',
] as const

export const HOST_EVENTS = [
  'power:suspended',
  'power:resumed',
  'idle:changed',
  'notify:clicked',
  'theme:changed',
  'media:toggle-mute',
  'tray:statusChosen',
  'tray:deskRequested',
  'deeplink:opened',
  'notify:acted',
  'update:changed',
] as const

export type InvokeChannelName = (typeof INVOKE_CHANNELS)[number]
export type HostEventName = (typeof HOST_EVENTS)[number]

const channels: ReadonlySet<string> = new Set(INVOKE_CHANNELS)
const events: ReadonlySet<string> = new Set(HOST_EVENTS)

export const isInvokeChannel = (name: unknown): name is InvokeChannelName => typeof name === 'string' && channels.has(name)
export const isHostEvent = (name: unknown): name is HostEventName => typeof name === 'string' && events.has(name)

/** The credential the renderer keeps its session under, which `app:boot` reads ahead. */
export const BOOT_SECRET_KEY = 'session'
