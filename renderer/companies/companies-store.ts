/**
 * The workspace's companies as this client last read them from the server (GET …/companies): their
 * names for the floor's signs and the editor, and who is in which for the door check (walking.ts).
 * Until the first answer `loaded` is false, and the door check leaves company-only rooms to the
 * server, which decides anyway.
 *
 * @example
 * companiesStore.getState().set(await api.list())
 * companyOf(companiesStore.getState(), meId) // 'co_…' or null
 */
import { useStore } from 'zustand'
import { createStore } from 'zustand/vanilla'
import type { Company } from '../../protocol/companies.ts'

export interface CompaniesState {
  loaded: boolean
  companies: Company[]
  set(companies: Company[]): void
  reset(): void
}

export const companiesStore = createStore<CompaniesState>()((set) => ({
  loaded: false,
  companies: [],
  set: (companies) => set({ loaded: true, companies }),
  reset: () => set({ loaded: false, companies: [] }),
}))

/** The company `memberId` is in, or null. */
export const companyOf = (s: Pick<CompaniesState, 'companies'>, memberId: string): string | null =>
  s.companies.find((c) => c.members.includes(memberId))?.id ?? null

export const useCompanies = <T,>(select: (s: CompaniesState) => T): T => useStore(companiesStore, select)

/** A company's name by id, or null when unknown (not loaded yet, or removed). */
export const useCompanyName = (companyId: string | null | undefined): string | null =>
  useCompanies((s) => (companyId ? (s.companies.find((c) => c.id === companyId)?.name ?? null) : null))
