/**
 * Live company notices (server-sent on the lobby's `companies` topic): schema-checked and
 * size-bounded, then applied to the companies store (the floor's signs and the door check follow).
 * Loaded on the first notice, so the start-up bundle carries none of it.
 */
import { Value } from 'typebox/value'
import { CompanyNoticeSchema, MAX_COMPANY_NOTICE_BYTES, type CompanyNotice } from '../../protocol/companies.ts'
import { companiesStore } from './companies-store.ts'

export function readCompanyNotice(payload: Uint8Array): CompanyNotice | null {
  if (payload.byteLength > MAX_COMPANY_NOTICE_BYTES) return null
  try {
    const value: unknown = JSON.parse(new TextDecoder().decode(payload))
    return Value.Check(CompanyNoticeSchema, value) ? value : null
  } catch {
    return null
  }
}

/** Applies a server-sent packet; false when it was dropped. */
export function receiveCompanyNotice(payload: Uint8Array): boolean {
  const notice = readCompanyNotice(payload)
  if (!notice) return false
  const { companies, set } = companiesStore.getState()
  // A member is in one company at most: whoever this company now holds is in no other.
  const others = companies
    .filter((c) => c.id !== (notice.type === 'company' ? notice.company.id : notice.companyId))
    .map((c) => (notice.type === 'company' ? { ...c, members: c.members.filter((m) => !notice.company.members.includes(m)), admins: c.admins.filter((m) => !notice.company.members.includes(m)) } : c))
  set(notice.type === 'company' ? [...others, notice.company].sort((a, b) => a.name.localeCompare(b.name)) : others)
  return true
}
