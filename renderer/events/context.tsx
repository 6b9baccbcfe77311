/** The community client for the Events region's parts. */
import { createContext, useContext, type ReactNode } from 'react'
import type { CommunityApi } from './community-api.ts'

const ApiContext = createContext<CommunityApi | null>(null)

export function EventsProvider({ api, children }: { api: CommunityApi; children: ReactNode }) {
  return <ApiContext.Provider value={api}>{children}</ApiContext.Provider>
}

export function useEventsApi(): CommunityApi {
  const api = useContext(ApiContext)
  if (!api) throw new Error('useEventsApi outside EventsProvider')
  return api
}
