/**
 * The Platform in a plain browser: the cache, credentials and settings in localStorage
 * (synchronous, so the cached floor paints before any network call returns), notifications with
 * the Notification API, idle from input and Page Visibility, "resume" from coming back online.
 */
import type { Member, Workspace } from '../../protocol/api.ts'
import type { Floor } from '../../protocol/floor/records.ts'
import type { CacheSnapshot, HostEvent, HostEventArgs, PresenceSnapshot } from '../../protocol/ipc.ts'
import type { Platform } from './platform.ts'
import { watchWebIdle } from './web-idle.ts'

const PREFIX = 'office:'

function read<T>(key: string): T | null {
  try {
    const raw = localStorage.getItem(PREFIX + key)
    return raw === null ? null : (JSON.parse(raw) as T)
  } catch {
    return null
  }
}

function write(key: string, value: unknown): void {
  try {
    if (value === null) localStorage.removeItem(PREFIX + key)
    else localStorage.setItem(PREFIX + key, JSON.stringify(value))
  } catch {
    // Storage full or disabled: the cache is an optimisation, the server stays the truth.
  }
}

type Listener = (...args: unknown[]) => void

export function createWebPlatform(): Platform {
  const snapshotKey = (ws: string) => `cache:${ws}`
  const update = (ws: string, change: (s: Partial<CacheSnapshot>) => Partial<CacheSnapshot>) =>
    write(snapshotKey(ws), { ...change(read<Partial<CacheSnapshot>>(snapshotKey(ws)) ?? {}), savedAt: Date.now() })

  const listeners = new Map<HostEvent, Set<Listener>>()
  const emit = <E extends HostEvent>(event: E, ...args: HostEventArgs<E>) => listeners.get(event)?.forEach((l) => l(...args))
  window.addEventListener('online', () => emit('power:resumed'))
  watchWebIdle((state) => emit('idle:changed', state))

  return {
    kind: 'web',
    config: async () => ({ serverUrl: location.origin, platform: 'web', version: import.meta.env.VITE_APP_VERSION ?? '0.0.0' }),
    cache: {
      async getSnapshot(ws) {
        const s = read<Partial<CacheSnapshot>>(snapshotKey(ws))
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
    },
    credentials: {
      get: async (key) => read<string>(`secret:${key}`),
      set: async (key, value) => write(`secret:${key}`, value),
    },
    settings: {
      get: async (key) => read<string>(`setting:${key}`),
      set: async (key, value) => write(`setting:${key}`, value),
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
    on(event, listener) {
      const set = listeners.get(event) ?? new Set<Listener>()
      set.add(listener as Listener)
      listeners.set(event, set)
      return () => set.delete(listener as Listener)
    },
  }
}
