/**
 * Mounts the real OfficeScreen over the real stores, platform, office actions and lazy editor
 * (composed as renderer/app/compose.ts does, but never booted, so there is no network), showing
 * the big office to its owner with everyone resting. The benchmark pages share it.
 */
import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { CompositionContext, type Composition } from '../../../renderer/app/context.tsx'
import { createOffice } from '../../../renderer/app/office.ts'
import { createTheme } from '../../../renderer/app/theme.ts'
import { ThemeContext } from '../../../renderer/app/theme-context.tsx'
import { OfficeScreen } from '../../../renderer/app/screens/OfficeScreen.tsx'
import { createStores } from '../../../renderer/app/stores.ts'
import { createLazyEditor } from '../../../renderer/editor/lazy-editor.ts'
import { createWebPlatform } from '../../../renderer/platform/web.ts'
import '../../../renderer/theme/tokens.css'
import '../../../renderer/styles.css'
import type { BigOffice } from './big-office.ts'

export function mountOffice(office: BigOffice): Composition {
  const platform = createWebPlatform()
  const stores = createStores()
  const actions = createOffice(platform, stores)
  const composition: Composition = { platform, stores, office: actions, editor: createLazyEditor({ stores, platform, api: () => actions.api() }) }

  stores.floor.getState().setFloors([office.floor])
  stores.floor.getState().setMembers(office.members)
  stores.session.getState().signedIn({ token: 'bench', workspace: office.workspace, me: office.me })
  stores.session.getState().setConnection('online')
  composition.office.walking.seatAtDesk()
  for (const peer of office.peers) stores.presence.getState().upsertPeer(peer)
  stores.presence.getState().setOccupancy(office.occupancy)

  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <CompositionContext.Provider value={composition}>
        <ThemeContext.Provider value={createTheme(platform, stores.session)}>
          <OfficeScreen />
        </ThemeContext.Provider>
      </CompositionContext.Provider>
    </StrictMode>,
  )
  return composition
}
