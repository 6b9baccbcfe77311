/** React access to the composition root: the platform, the stores and the office actions. */
import { createContext, useContext } from 'react'
import { useStore } from 'zustand'
import type { Platform } from '../platform/platform.ts'
import type { FloorState } from '../stores/floor/store.ts'
import type { MediaState } from '../stores/media/store.ts'
import type { NoticeState } from '../stores/notices/store.ts'
import type { PresenceState } from '../stores/presence/store.ts'
import type { SessionState } from '../stores/session/store.ts'
import type { SocialState } from '../stores/social/store.ts'
import type { Editor } from '../editor/editor.ts'
import type { Office } from './office.ts'
import type { Stores } from './stores.ts'

export interface Composition {
  platform: Platform
  stores: Stores
  office: Office
  editor: Editor
}

export const CompositionContext = createContext<Composition | null>(null)

export const useComposition = (): Composition => {
  const value = useContext(CompositionContext)
  if (!value) throw new Error('CompositionContext is missing')
  return value
}

export const usePlatform = () => useComposition().platform
export const useOffice = () => useComposition().office
export const useSession = <T,>(select: (s: SessionState) => T) => useStore(useComposition().stores.session, select)
export const useFloor = <T,>(select: (s: FloorState) => T) => useStore(useComposition().stores.floor, select)
export const usePresence = <T,>(select: (s: PresenceState) => T) => useStore(useComposition().stores.presence, select)
export const useMedia = <T,>(select: (s: MediaState) => T) => useStore(useComposition().stores.media, select)
export const useNotices = <T,>(select: (s: NoticeState) => T) => useStore(useComposition().stores.notices, select)
export const useSocial = <T,>(select: (s: SocialState) => T) => useStore(useComposition().stores.social, select)
