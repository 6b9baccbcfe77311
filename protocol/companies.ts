/**
 * Issue 13: companies inside one workspace (a coworking space). A member belongs to at most one
 * company; its admins manage its membership and its invites. Wire shapes only.
 */
import Type, { type Static } from 'typebox'
import { CompanyIdSchema as CompanyId, MemberIdSchema, WorkspaceIdSchema } from './floor/records.ts'

export { CompanyId }

export const CompanyName = Type.String({ minLength: 1, maxLength: 80, pattern: '\\S' })

export const CompanySchema = Type.Object({
  id: CompanyId,
  name: Type.String(),
  createdAt: Type.Number(),
  /** Member ids of its admins (each also in `members`). */
  admins: Type.Array(Type.String()),
  /** Member ids of everyone in it, admins included. */
  members: Type.Array(Type.String()),
})
export type Company = Static<typeof CompanySchema>

export const CompanyListSchema = Type.Object({ companies: Type.Array(CompanySchema) })

/**
 * Server-sent on the lobby's `companies` topic to every member but guests, after a change: the
 * company as it is now (made, renamed, people in or out), or that it is gone. A company too large
 * for one packet is not announced; clients read the list again when the window regains focus.
 */
export const CompanyNoticeSchema = Type.Union([
  Type.Object({ type: Type.Literal('company'), company: CompanySchema }, { additionalProperties: false }),
  Type.Object({ type: Type.Literal('company-gone'), companyId: CompanyId }, { additionalProperties: false }),
])
export type CompanyNotice = Static<typeof CompanyNoticeSchema>
/** LiveKit's reliable packets carry up to 15 KiB of data. */
export const MAX_COMPANY_NOTICE_BYTES = 15_000
export type CompanyList = Static<typeof CompanyListSchema>

export const CreateCompanyBody = Type.Object({ name: CompanyName }, { additionalProperties: false })
export const RenameCompanyBody = Type.Object({ name: CompanyName }, { additionalProperties: false })

/** Add a member (hosts, or the company's admins); `admin` is for hosts only. */
export const AddCompanyMemberBody = Type.Object(
  { memberId: MemberIdSchema, admin: Type.Optional(Type.Boolean()) },
  { additionalProperties: false },
)

/** A company's invites make members: never hosts, never guests (the hosts' own invites do that). */
export const CompanyInviteBody = Type.Object(
  {
    role: Type.Optional(Type.Literal('member')),
    email: Type.Optional(Type.Union([Type.String({ minLength: 3, maxLength: 254, pattern: '^[^@\\s]+@[^@\\s]+$' }), Type.Null()])),
    expiresInHours: Type.Optional(Type.Integer({ minimum: 1, maximum: 24 * 30 })),
  },
  { additionalProperties: false },
)

export const CompanyInviteSchema = Type.Object({
  id: Type.String(),
  companyId: CompanyId,
  email: Type.Union([Type.String(), Type.Null()]),
  createdBy: Type.Union([Type.String(), Type.Null()]),
  createdAt: Type.Number(),
  expiresAt: Type.Number(),
})
export type CompanyInvite = Static<typeof CompanyInviteSchema>

/** The only time the code is seen: the link is shown once, as for workspace invites. */
export const CreatedCompanyInviteSchema = Type.Object({ invite: CompanyInviteSchema, code: Type.String(), url: Type.String() })
export const CompanyInviteListSchema = Type.Object({ invites: Type.Array(CompanyInviteSchema) })

export const CompaniesParams = Type.Object({ ws: WorkspaceIdSchema })
export const CompanyParams = Type.Object({ ws: WorkspaceIdSchema, company: CompanyId })
export const CompanyMemberParams = Type.Object({ ws: WorkspaceIdSchema, company: CompanyId, member: MemberIdSchema })
export const CompanyInviteParams = Type.Object({ ws: WorkspaceIdSchema, company: CompanyId, invite: Type.String({ minLength: 1, maxLength: 64 }) })
