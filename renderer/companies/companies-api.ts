/**
 * The companies routes over HTTP (protocol/companies.ts), for the companies UI and its store only.
 * Answers are schema-checked before use: a server of another version costs an error, never a
 * wrong door or a wrong name on the floor.
 */
import {
  CompanyInviteListSchema, CompanyListSchema, CompanySchema, CreatedCompanyInviteSchema, type Company, type CompanyInvite,
} from '../../protocol/companies.ts'
import { partHttp } from '../services/part-http.ts'

export interface CreatedInvite {
  invite: CompanyInvite
  url: string
}

export interface CompaniesApi {
  list(): Promise<Company[]>
  create(name: string): Promise<Company>
  rename(companyId: string, name: string): Promise<Company>
  remove(companyId: string): Promise<void>
  /** Puts a member in (or changes whether they are its admin: hosts only). */
  setMember(companyId: string, memberId: string, admin: boolean): Promise<Company>
  /** Takes a member out; yourself: you leave it. */
  takeOut(companyId: string, memberId: string): Promise<void>
  invites(companyId: string): Promise<CompanyInvite[]>
  invite(companyId: string, body: { email?: string; expiresInHours?: number }): Promise<CreatedInvite>
  revokeInvite(companyId: string, inviteId: string): Promise<void>
}

export function createCompaniesApi(serverUrl: string, workspaceId: string, token: () => string | null): CompaniesApi {
  const base = `${serverUrl}/api/workspaces/${encodeURIComponent(workspaceId)}/companies`
  const { json: call } = partHttp(base, token)
  const one = (id: string) => `/${encodeURIComponent(id)}`
  return {
    list: async () => (await call<{ companies: Company[] }>('GET', '', CompanyListSchema)).companies,
    create: (name) => call('POST', '', CompanySchema, { name }),
    rename: (id, name) => call('PATCH', one(id), CompanySchema, { name }),
    remove: (id) => call('DELETE', one(id), null),
    setMember: (id, memberId, admin) => call('POST', `${one(id)}/members`, CompanySchema, { memberId, admin }),
    takeOut: (id, memberId) => call('DELETE', `${one(id)}/members/${encodeURIComponent(memberId)}`, null),
    invites: async (id) => (await call<{ invites: CompanyInvite[] }>('GET', `${one(id)}/invites`, CompanyInviteListSchema)).invites,
    invite: (id, body) => call('POST', `${one(id)}/invites`, CreatedCompanyInviteSchema, body),
    revokeInvite: (id, inviteId) => call('DELETE', `${one(id)}/invites/${encodeURIComponent(inviteId)}`, null),
  }
}
