/**
 * Members' photos as object URLs for <img>, loaded on demand by photos.ts: photos need the
 * session's token, as chat attachments do, so they are fetched with it and shown from memory. A
 * path is versioned (a new photo is a new path), so each is fetched once. Your own new photo shows
 * at once, before the member list is fetched again.
 */
import type { Composition } from '../app/context.tsx'

const fetched = new Map<string, Promise<string | null>>()
/** Member id → their photo's path, as this client last changed it (null: removed). */
const mine = new Map<string, string | null>()
const listeners = new Set<() => void>()

/** After you upload or remove your photo: show it on your avatar now. */
export function showOwnPhoto(memberId: string, path: string | null): void {
  mine.set(memberId, path)
  for (const listener of listeners) listener()
}

function load(serverUrl: Promise<string>, token: string | null, path: string): Promise<string | null> {
  let url = fetched.get(path)
  if (!url) {
    url = serverUrl
      .then((base) => fetch(base + path, { headers: token ? { authorization: `Bearer ${token}` } : {}, signal: AbortSignal.timeout(15_000) }))
      .then(async (res) => (res.ok && res.headers.get('content-type')?.startsWith('image/') ? URL.createObjectURL(await res.blob()) : null))
      .catch(() => null)
    // A failure is asked again next time.
    void url.then((u) => u ?? fetched.delete(path))
    fetched.set(path, url)
  }
  return url
}

/** Calls `show` with member id → object URL for `people` (records with a `photoUrl` path), now and whenever your own photo changes; returns the stop. */
export function watchPhotos(people: Readonly<Record<string, object>>, { platform, stores }: Pick<Composition, 'platform' | 'stores'>, show: (urls: Record<string, string>) => void): () => void {
  let live = true
  const update = () => {
    const paths = new Map<string, string>()
    for (const [id, m] of Object.entries(people)) {
      const given = (m as { photoUrl?: unknown }).photoUrl
      const path = mine.has(id) ? mine.get(id) : typeof given === 'string' ? given : null
      if (path) paths.set(id, path)
    }
    for (const [id, path] of mine) if (path && !paths.has(id)) paths.set(id, path)
    const serverUrl = platform.config().then((c) => c.serverUrl)
    const token = stores.session.getState().token
    void Promise.all([...paths].map(async ([id, path]) => [id, await load(serverUrl, token, path)] as const)).then((pairs) => {
      if (!live) return
      const urls: Record<string, string> = {}
      for (const [id, url] of pairs) if (url) urls[id] = url
      show(urls)
    })
  }
  listeners.add(update)
  update()
  return () => {
    live = false
    listeners.delete(update)
  }
}
