/**
 * Keeps companiesStore in step with the server for this session: read once signed in, again when
 * the window comes back into focus or the floor (which is pushed live) names a company this
 * client does not know, and after every change made from here (`refresh`). Between reads, the
 * server's company notices keep it current (notices.ts). Guests see no companies and read none.
 */
import { useCallback, useEffect } from 'react'
import type { Floor } from '../../protocol/floor/records.ts'
import { useComposition } from '../app/context.tsx'
import { usePartApi } from '../app/usePartApi.ts'
import { createCompaniesApi, type CompaniesApi } from './companies-api.ts'
import { companiesStore } from './companies-store.ts'

/** At most one read for unknown floor tags this often: a floor naming a removed company does not loop. */
const UNKNOWN_TAG_READ_MS = 5_000

const floorTags = (floors: readonly Floor[]): Set<string> => {
  const tags = new Set<string>()
  for (const f of floors) for (const item of [...f.rooms, ...f.desks]) if (item.companyId) tags.add(item.companyId)
  return tags
}

export function useCompaniesLoader(): { api: CompaniesApi | null; refresh(): Promise<void> } {
  const { stores } = useComposition()
  const api = usePartApi(createCompaniesApi)

  const refresh = useCallback(async () => {
    if (!api) return
    try {
      companiesStore.getState().set(await api.list())
    } catch {
      // Offline or refused: keep what we had; the server decides every door anyway.
    }
  }, [api])

  useEffect(() => {
    if (!api) return
    void refresh()
    const onFocus = () => void refresh()
    window.addEventListener('focus', onFocus)
    let lastRead = 0
    const stopWatching = stores.floor.subscribe((s) => {
      const known = companiesStore.getState()
      if (!known.loaded || Date.now() - lastRead < UNKNOWN_TAG_READ_MS) return
      const ids = new Set(known.companies.map((c) => c.id))
      if ([...floorTags(s.floors)].some((id) => !ids.has(id))) {
        lastRead = Date.now()
        void refresh()
      }
    })
    return () => {
      window.removeEventListener('focus', onFocus)
      stopWatching()
      companiesStore.getState().reset()
    }
  }, [api, refresh, stores])

  return { api, refresh }
}
