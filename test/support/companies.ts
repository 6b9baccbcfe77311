/** Companies through the public API (issue 13), as a host's or a company admin's client calls it. */
import type { SignedIn } from '../../protocol/api.ts'
import type { Company } from '../../protocol/companies.ts'
import type { HttpClient, HttpResult } from './http.ts'

export function companiesApi(http: HttpClient) {
  const path = (who: SignedIn, rest = '') => `/api/workspaces/${who.workspace.id}/companies${rest}`
  const call = <T = Record<string, unknown>>(who: SignedIn, method: string, rest = '', body?: unknown): Promise<HttpResult<T>> =>
    http.call<T>(method, path(who, rest), { token: who.session.token, ...(body !== undefined ? { body } : {}) })
  const must = async <T>(res: Promise<HttpResult<T>>, what: string): Promise<T> => {
    const { status, body } = await res
    if (status >= 300) throw new Error(`${what}: ${status} ${JSON.stringify(body)}`)
    return body
  }
  return {
    call,
    list: async (who: SignedIn) => (await must(call<{ companies: Company[] }>(who, 'GET'), 'list companies')).companies,
    create: (who: SignedIn, name: string) => must(call<Company>(who, 'POST', '', { name }), `create ${name}`),
    add: (who: SignedIn, companyId: string, member: SignedIn, admin = false) =>
      call<Company>(who, 'POST', `/${companyId}/members`, { memberId: member.member.id, ...(admin ? { admin } : {}) }),
    takeOut: (who: SignedIn, companyId: string, memberId: string) => call(who, 'DELETE', `/${companyId}/members/${memberId}`),
    invite: (who: SignedIn, companyId: string, body: Record<string, unknown> = {}) =>
      call<{ invite: { id: string }; code: string; url: string }>(who, 'POST', `/${companyId}/invites`, body),
    invites: (who: SignedIn, companyId: string) => call<{ invites: { id: string; createdBy: string | null }[] }>(who, 'GET', `/${companyId}/invites`),
  }
}
