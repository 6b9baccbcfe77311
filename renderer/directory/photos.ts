/**
 * Members' photos for the floor and the call (issue 13): member id → an object URL, for those
 * with a photo. Only this hook is in the start-up bundle; the fetching (photo-loader.ts) loads
 * once the floor has painted.
 */
import { useEffect, useState } from 'react'
import { useComposition } from '../app/context.tsx'
import { afterFloorPaint } from '../floor/first-paint.ts'

const same = (a: Readonly<Record<string, string>>, b: Readonly<Record<string, string>>) =>
  Object.keys(a).length === Object.keys(b).length && Object.entries(b).every(([k, v]) => a[k] === v)

/** `people`: member records or profiles by id; those with a `photoUrl` path have a photo. */
export function usePhotoUrls(people: Readonly<Record<string, object>>): Readonly<Record<string, string>> {
  const { platform, stores } = useComposition()
  const [urls, setUrls] = useState<Readonly<Record<string, string>>>({})
  useEffect(() => {
    let stop: (() => void) | null = null
    let live = true
    void afterFloorPaint()
      .then(() => import('./photo-loader.ts'))
      .then(({ watchPhotos }) => {
      if (live) stop = watchPhotos(people, { platform, stores }, (next) => setUrls((prev) => (same(prev, next) ? prev : next)))
    })
    return () => {
      live = false
      stop?.()
    }
  }, [people, platform, stores])
  return urls
}
