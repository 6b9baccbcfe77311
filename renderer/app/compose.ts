/** The composition root: platform, stores and the office session, built once at start-up. */
import { detectPlatform } from '../platform/detect.ts'
import type { Composition } from './context.tsx'
import { createOffice } from './office.ts'
import { createStores } from './stores.ts'

export function compose(): Composition {
  const platform = detectPlatform()
  const stores = createStores()
  return { platform, stores, office: createOffice(platform, stores) }
}
