/**
 * Main's IPC handler table: one async function per channel of protocol/ipc.ts, built from its
 * dependencies. No Electron here; electron/ipc.ts and the e2e bridge both route calls to it
 * through wire.ts, which checks the sender and the arguments first.
 */
import type { HostConfig, IpcHandlers, OsNotification } from '../../protocol/ipc.ts'
import type { SystemTheme } from '../../protocol/theme.ts'
import { readBoot } from '../cache/boot.ts'
import type { Cache } from '../cache/open.ts'
import { dropConversation, dropOutbox, getChat, getMessages, getOutbox, putChat, putMessages, putOutbox } from '../cache/chat-queries.ts'
import { clearCache, getSetting, getSnapshot, putFloor, putMembers, putPresence, putSetting, putWorkspace } from '../cache/queries.ts'
import type { SecretStore } from '../credentials/secret-store.ts'
import { createDesktopHandlers, type DesktopHost } from '../desktop/handlers.ts'
import { createHeadlessDesktop } from '../desktop/headless.ts'

/** Shows OS notifications; a click comes back to the renderer as `notify:clicked`. */
export interface Notifier {
  show(notification: OsNotification): void
}

export interface IpcDeps {
  cache: Cache
  secrets: SecretStore
  config: HostConfig
  notifier: Notifier
  /** The theme the OS asks for (Electron's nativeTheme). A host without one (the e2e bridge) reports light. */
  systemTheme?: () => SystemTheme
  /** Tray, notices, deep links, shortcut, screen picker, updates; without Electron, a headless stand-in. */
  desktop?: DesktopHost
}

/** Renderer settings share the cache's key-value table with main's own (window bounds), under a prefix. */
const settingKey = (key: string) => `renderer:${key}`

/** A write's answer over IPC: nothing, once it is done. */
const done = (_: void): null => null

export function createIpcHandlers({ cache, secrets, config, notifier, systemTheme = () => 'light', desktop }: IpcDeps): IpcHandlers {
  const host = desktop ?? createHeadlessDesktop({ show: (n) => notifier.show(n), protection: () => secrets.protection() })
  return {
    ...createDesktopHandlers(host),
    'app:getConfig': async () => config,
    'app:boot': () => readBoot({ cache, secrets, config, systemTheme }),
    'cache:getSnapshot': async (workspaceId) => getSnapshot(cache, workspaceId),
    'cache:putWorkspace': async (workspace) => {
      putWorkspace(cache, workspace)
      return null
    },
    'cache:putFloor': async (workspaceId, floor) => {
      // A stale floor is dropped silently: the renderer already holds something newer.
      putFloor(cache, workspaceId, floor)
      return null
    },
    'cache:putMembers': async (workspaceId, members) => {
      putMembers(cache, workspaceId, members)
      return null
    },
    'cache:putPresence': async (workspaceId, presence) => {
      putPresence(cache, workspaceId, presence)
      return null
    },
    'cache:clear': async () => {
      clearCache(cache)
      return null
    },
    'cache:getChat': async (workspaceId) => getChat(cache, workspaceId),
    'cache:putChat': async (workspaceId, patch) => done(putChat(cache, workspaceId, patch)),
    'cache:getMessages': async (workspaceId, conversationId, limit) => getMessages(cache, workspaceId, conversationId, limit),
    'cache:putMessages': async (workspaceId, messages) => done(putMessages(cache, workspaceId, messages)),
    'cache:dropConversation': async (workspaceId, conversationId) => done(dropConversation(cache, workspaceId, conversationId)),
    'cache:getOutbox': async (workspaceId) => getOutbox(cache, workspaceId),
    'cache:putOutbox': async (workspaceId, item) => done(putOutbox(cache, workspaceId, item)),
    'cache:dropOutbox': async (workspaceId, clientId) => done(dropOutbox(cache, workspaceId, clientId)),
    'credentials:get': (key) => secrets.get(key),
    'credentials:set': async (key, value) => {
      await secrets.set(key, value)
      return null
    },
    'settings:get': async (key) => getSetting(cache, settingKey(key)),
    'settings:set': async (key, value) => {
      putSetting(cache, settingKey(key), value)
      return null
    },
    'notify:show': async (notification) => {
      notifier.show(notification)
      return null
    },
    'theme:getSystem': async () => systemTheme(),
  }
}
