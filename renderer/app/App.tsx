import { useSession } from './context.tsx'
import { Notices } from '../ui/Notices.tsx'
import { OfficeScreen } from './screens/OfficeScreen.tsx'
import { Welcome } from './screens/Welcome.tsx'

export function App() {
  const phase = useSession((s) => s.phase)
  return (
    <>
      {phase === 'booting' && (
        <main className="splash" aria-busy="true">
          <p>Opening your office…</p>
        </main>
      )}
      {phase === 'signed-out' && <Welcome />}
      {phase === 'signed-in' && <OfficeScreen />}
      <Notices />
    </>
  )
}
