/** Issue 13: the companies part of the Store: companies, who is in which, and invites into one. */
import type { Company } from '../../protocol/companies.ts'

export interface CompanyMembership {
  companyId: string
  admin: boolean
}

export interface CompanyStore {
  /** Every company of the workspace with its members and admins, by name. */
  listCompanies(workspaceId: string): Promise<Company[]>
  getCompany(workspaceId: string, companyId: string): Promise<Company | null>
  /** Member id → their company (a member belongs to at most one). */
  companyOfMembers(workspaceId: string): Promise<Map<string, CompanyMembership>>
  /** One member's company, or null (the hot path: every room token). */
  companyOfMember(workspaceId: string, memberId: string): Promise<CompanyMembership | null>
  createCompany(workspaceId: string, company: { id: string; name: string; createdAt: number }): Promise<void>
  /** Names are unique in a workspace, case aside. */
  renameCompany(workspaceId: string, companyId: string, name: string): Promise<'ok' | 'missing' | 'name-taken'>
  /** Deletes it and detaches its members; returns the member ids that were in it (null: no such company). */
  deleteCompany(workspaceId: string, companyId: string): Promise<string[] | null>
  /**
   * Puts a member into a company (or updates their admin flag there). 'elsewhere' when they are
   * in another company: a member belongs to at most one.
   */
  setCompanyMember(workspaceId: string, companyId: string, memberId: string, admin: boolean): Promise<'ok' | 'missing' | 'elsewhere'>
  /** Takes a member out of a company; false when they were not in it. */
  removeCompanyMember(workspaceId: string, companyId: string, memberId: string): Promise<boolean>
  /** Links a workspace invite to a company: accepting it puts the new member into the company. */
  linkCompanyInvite(workspaceId: string, inviteId: string, companyId: string): Promise<void>
  /** The company an invite leads into, if any. */
  companyOfInvite(workspaceId: string, inviteId: string): Promise<string | null>
  /** Invite ids linked to a company (all, open or not). */
  companyInviteIds(workspaceId: string, companyId: string): Promise<string[]>
}
