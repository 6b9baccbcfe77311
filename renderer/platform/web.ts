/**
 * The Platform in a plain browser: the cache, credentials and settings in Web Storage
 * (synchronous, so the cached floor paints before any network call returns), notifications with
 * the Notification API, idle from input and Page Visibility, "resume" from coming back online,
 * the OS theme from media queries.
 *
 * The session token is in sessionStorage (this tab only, gone when it closes) unless the user
 * ticked "Keep me signed in"; only then is it in localStorage. The cached office follows it, so
 * a session not kept leaves nothing of the office behind in the browser.
 */
import type { Member, Workspace } from '../../protocol/api.ts'
import type { Floor } from '../../protocol/floor/records.ts'
import type { CacheSnapshot, HostEvent, HostEventArgs, PresenceSnapshot } from '../../protocol/ipc.ts'
import { forwardChatCache, type Platform, type PlatformChatCache } from './platform.ts'
import { watchWebIdle } from './web-idle.ts'
import { createWebMedia } from './web-media.ts'
import { watchWebTheme, webSystemTheme } from './web-theme.ts'

const PREFIX = 'office:'

function read<T>(storage: Storage, key: string): T | null {
  try {
    const raw = storage.getItem(PREFIX + key)
    return raw === null ? null : (JSON.parse(raw) as T)
  } catch {
    return null
  }
}

function write(storage: Storage, key: string, value: unknown): boolean {
  try {
    if (value === null) storage.removeItem(PREFIX + key)
    else storage.setItem(PREFIX + key, JSON.stringify(value))
    return true
  } catch {
    // Storage full or disabled: the cache is an optimisation, the server stays the truth.
    return false
  }
}

const keysOf = (storage: Storage, prefix: string): string[] =>
  Array.from({ length: storage.length }, (_, i) => storage.key(i)).filter((k): k is string => k?.startsWith(PREFIX + prefix) ?? false)

/** Removes every key of ours that starts with `prefix`, from both storages. */
function removeAll(prefix: string): void {
  for (const storage of [localStorage, sessionStorage]) {
    for (const k of keysOf(storage, prefix)) storage.removeItem(k)
  }
}

type Listener = (...args: unknown[]) => void

export function createWebPlatform(): Platform {
  // Where the cached office goes: where the session was found (at boot) or put (at sign-in).
  let cacheStorage: Storage = sessionStorage
  const snapshotKey = (ws: string) => `cache:${ws}`
  const update = (ws: string, change: (s: Partial<CacheSnapshot>) => Partial<CacheSnapshot>) => {
    const current = read<Partial<CacheSnapshot>>(cacheStorage, snapshotKey(ws)) ?? {}
    // As on the desktop, the workspace comes first: a late write after sign-out recreates nothing.
    const next = change(current)
    if (next.workspace) write(cacheStorage, snapshotKey(ws), { ...next, savedAt: Date.now() })
  }

  // Chat's cache (web-chat-cache.ts) loads with the chat, not at start-up; same storage as the rest.
  let chat: Promise<PlatformChatCache> | null = null
  const chatCache = () =>
    (chat ??= import('./web-chat-cache.ts').then(({ createWebChatCache }) =>
      createWebChatCache({
        read: (key) => read(cacheStorage, key),
        write: (key, value) => write(cacheStorage, key, value),
        keys: (prefix) => keysOf(cacheStorage, prefix).map((k) => k.slice(PREFIX.length)),
      }),
    ))

  const listeners = new Map<HostEvent, Set<Listener>>()
  const emit = <E extends HostEvent>(event: E, ...args: HostEventArgs<E>) => listeners.get(event)?.forEach((l) => l(...args))
  window.addEventListener('online', () => emit('power:resumed'))
  watchWebIdle((state) => emit('idle:changed', state))
  watchWebTheme((theme) => emit('theme:changed', theme))

  return {
    kind: 'web',
    config: async () => ({ serverUrl: location.origin, platform: 'web', version: import.meta.env.VITE_APP_VERSION ?? '0.0.0' }),
    cache: {
      async getSnapshot(ws) {
        const s = read<Partial<CacheSnapshot>>(cacheStorage, snapshotKey(ws))
        return s?.workspace ? { workspace: s.workspace, floors: s.floors ?? [], members: s.members ?? [], presence: s.presence ?? null, savedAt: s.savedAt ?? 0 } : null
      },
      putWorkspace: async (w: Workspace) => update(w.id, (s) => ({ ...s, workspace: w })),
      putFloor: async (ws: string, floor: Floor) =>
        update(ws, (s) => {
          const floors = (s.floors ?? []).filter((f) => f.id !== floor.id || f.version > floor.version)
          return { ...s, floors: floors.some((f) => f.id === floor.id) ? floors : [...floors, floor] }
        }),
      putMembers: async (ws: string, members: Member[]) => update(ws, (s) => ({ ...s, members })),
      putPresence: async (ws: string, presence: PresenceSnapshot) => update(ws, (s) => ({ ...s, presence })),
      clear: async () => removeAll('cache:'),
    },
    chatCache: forwardChatCache(async (name, args) => ((await chatCache())[name as keyof PlatformChatCache] as (...a: unknown[]) => unknown)(...args)),
    credentials: {
      async get(key) {
        for (const storage of [sessionStorage, localStorage]) {
          const value = read<string>(storage, `secret:${key}`)
          if (value === null) continue
          cacheStorage = storage
          return value
        }
        return null
      },
      async set(key, value, { keep }) {
        const [kept, dropped] = keep ? [localStorage, sessionStorage] : [sessionStorage, localStorage]
        write(dropped, `secret:${key}`, null)
        write(kept, `secret:${key}`, value)
        cacheStorage = kept
      },
      async forget(key) {
        for (const storage of [sessionStorage, localStorage]) write(storage, `secret:${key}`, null)
      },
    },
    settings: {
      get: async (key) => read<string>(localStorage, `setting:${key}`),
      set: async (key, value) => void write(localStorage, `setting:${key}`, value),
    },
    async notify({ id, title, body, silent }) {
      // The page shows its own prompt while visible; the OS notification is for when it is not.
      if (!document.hidden || typeof Notification === 'undefined' || Notification.permission !== 'granted') return
      const n = new Notification(title, { body, tag: id, silent })
      n.onclick = () => {
        window.focus()
        emit('notify:clicked', id)
      }
    },
    systemTheme: async () => webSystemTheme(),
    media: createWebMedia(),
    on(event, listener) {
      const set = listeners.get(event) ?? new Set<Listener>()
      set.add(listener as Listener)
      listeners.set(event, set)
      return () => set.delete(listener as Listener)
    },
  }
}
