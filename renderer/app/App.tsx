import { Suspense } from 'react'
import { useSession } from './context.tsx'
import { Notices } from '../ui/Notices.tsx'
import { OfficeScreen } from './screens/OfficeScreen.tsx'
import { lazyPart } from '../ui/lazy-part.ts'

/**
 * A start shows one of two screens. The office is in the start-up bundle, so that a returning
 * member's cached floor paints without waiting for anything; the welcome screen (first run, or
 * signed out) loads while boot finds there is no session, behind the same splash.
 */
const Welcome = lazyPart(() => import('./screens/Welcome.tsx').then((m) => ({ default: m.Welcome })))

const splash = (
  <main className="splash" aria-busy="true">
    <p>Opening your office…</p>
  </main>
)

export function App() {
  const phase = useSession((s) => s.phase)
  return (
    <>
      {phase === 'booting' && splash}
      {phase === 'signed-out' && (
        <Suspense fallback={splash}>
          <Welcome />
        </Suspense>
      )}
      {phase === 'signed-in' && <OfficeScreen />}
      <Notices />
    </>
  )
}
