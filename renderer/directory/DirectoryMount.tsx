/**
 * The directory's mount in the office screen, loaded on demand (the start-up bundle has a budget:
 * test/e2e/startup-bundle.test.ts): the top bar's Directory button, and the Directory region it
 * shows in the office body through a portal. Guests have no directory, so no button either.
 */
import { Suspense, useEffect, useState, type RefObject } from 'react'
import { lazyPart } from '../ui/lazy-part.ts'
import { createPortal } from 'react-dom'
import { useSession } from '../app/context.tsx'
import { SHOW_DIRECTORY_EVENT, type DirectoryView } from './show.ts'

const DirectoryRegion = lazyPart(() => import('./DirectoryRegion.tsx').then((m) => ({ default: m.DirectoryRegion })))

export function DirectoryMount({ body }: { body: RefObject<HTMLElement | null> }) {
  const guest = useSession((s) => s.me?.role === 'guest')
  const [shown, setShown] = useState(false)
  const [view, setView] = useState<DirectoryView>({ kind: 'search' })
  // Others ask for the region with showDirectory() (./show.ts): a person's card on the floor.
  useEffect(() => {
    const show = (e: Event) => {
      setView((e as CustomEvent<DirectoryView>).detail ?? { kind: 'search' })
      setShown(true)
    }
    window.addEventListener(SHOW_DIRECTORY_EVENT, show)
    return () => window.removeEventListener(SHOW_DIRECTORY_EVENT, show)
  }, [])
  if (guest) return null
  return (
    <>
      <button type="button" aria-expanded={shown} onClick={() => setShown(!shown)}>
        Directory
      </button>
      {shown &&
        body.current &&
        createPortal(
          <Suspense fallback={null}>
            <DirectoryRegion view={view} onView={setView} onClose={() => setShown(false)} />
          </Suspense>,
          body.current,
        )}
    </>
  )
}
