/** The composition root: platform, stores, the office session and the host's editor, built once at start-up. */
import { createLazyEditor } from '../editor/lazy-editor.ts'
import { detectPlatform } from '../platform/detect.ts'
import type { Composition } from './context.tsx'
import { watchFloorChanges } from './floor-changes.ts'
import { createOffice } from './office.ts'
import { createStores } from './stores.ts'

export function compose(): Composition {
  const platform = detectPlatform()
  const stores = createStores()
  const office = createOffice(platform, stores)
  watchFloorChanges(stores, office)
  return { platform, stores, office, editor: createLazyEditor({ stores, platform, api: () => office.api() }) }
}
