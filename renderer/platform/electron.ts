/** The Platform in Electron: every call goes over the preload bridge to main's handler table. */
import type { InvokeArgs, InvokeChannel, InvokeResult, OfficeBridge } from '../../protocol/ipc.ts'
import { HostError, forwardChatCache, type Platform } from './platform.ts'
import { createWebMedia } from './web-media.ts'

/** The desktop-only part (tray, notices, links, screen picker...): out of the start-up bundle. */
const desktop = () => import('./electron-desktop.ts')

export function createElectronPlatform(bridge: OfficeBridge): Platform {
  // Credentials not kept ("Keep me signed in" unticked) live here only: gone with the window,
  // never sealed into main's store on disk.
  const inMemory = new Map<string, string>()
  const call = async <C extends InvokeChannel>(channel: C, ...args: InvokeArgs<C>): Promise<InvokeResult<C>> => {
    const result = await bridge.invoke(channel, ...args)
    if (!result.ok) throw new HostError(result.code, result.message)
    return result.value
  }
  const media = createWebMedia()
  return {
    kind: 'electron',
    config: () => call('app:getConfig'),
    cache: {
      getSnapshot: (ws) => call('cache:getSnapshot', ws),
      putWorkspace: async (w) => void (await call('cache:putWorkspace', w)),
      putFloor: async (ws, f) => void (await call('cache:putFloor', ws, f)),
      putMembers: async (ws, m) => void (await call('cache:putMembers', ws, m)),
      putPresence: async (ws, p) => void (await call('cache:putPresence', ws, p)),
      clear: async () => void (await call('cache:clear')),
    },
    // Each chat cache call is its channel, cache:<name> (protocol/ipc.ts); main checks the arguments.
    chatCache: forwardChatCache((name, args) => (call as (c: string, ...a: unknown[]) => Promise<unknown>)(`cache:${name}`, ...args)),
    credentials: {
      get: async (key) => inMemory.get(key) ?? call('credentials:get', key),
      async set(key, value, { keep }) {
        if (keep) inMemory.delete(key)
        else inMemory.set(key, value)
        await call('credentials:set', key, keep ? value : null)
      },
      async forget(key) {
        inMemory.delete(key)
        await call('credentials:set', key, null)
      },
    },
    settings: {
      get: (key) => call('settings:get', key),
      set: async (key, value) => void (await call('settings:set', key, value)),
    },
    notify: async (n) => void (await call('notify:show', n)),
    systemTheme: () => call('theme:getSystem'),
    // Camera and microphone as in a browser; a screen share goes through our picker (loaded on demand).
    media: { ...media, getDisplayMedia: async (o) => (await desktop()).shareScreen(call, media.getDisplayMedia, o) },
    on: (event, listener) => bridge.on(event, listener),
    desktop: async () => (await desktop()).createElectronDesktop(call),
  }
}
