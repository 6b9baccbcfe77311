/**
 * The public HTTP API: request and response schemas for every route, shared by the server's
 * routes, the renderer's client and the generated OpenAPI document.
 */
import Type, { type Static } from 'typebox'
import { FloorIdSchema, floorLimits, FloorSchema, MemberIdSchema, RoomIdSchema, WorkspaceIdSchema } from './floor/records.ts'
import { EditBatchSchema, FloorOpSchema, MAX_OPS_PER_BATCH } from './floor/ops.ts'

export const RoleSchema = Type.Union([Type.Literal('owner'), Type.Literal('host'), Type.Literal('member'), Type.Literal('guest')])
export type Role = Static<typeof RoleSchema>

const Name = Type.String({ minLength: 1, maxLength: 64 })
const Email = Type.String({ minLength: 3, maxLength: 254, pattern: '^[^@\\s]+@[^@\\s]+$' })
const Password = Type.String({ minLength: 8, maxLength: 256 })
const Colour = Type.String({ pattern: '^#[0-9a-fA-F]{6}$' })

export const WorkspaceSchema = Type.Object({ id: WorkspaceIdSchema, name: Name, createdAt: Type.Integer() })
export type Workspace = Static<typeof WorkspaceSchema>

export const MemberSchema = Type.Object({
  id: MemberIdSchema,
  workspaceId: WorkspaceIdSchema,
  name: Name,
  email: Type.Optional(Type.String()),
  role: RoleSchema,
  colour: Colour,
  deskId: Type.Union([Type.String(), Type.Null()]),
  lastSeenAt: Type.Union([Type.Integer(), Type.Null()]),
  /** Shown to hosts only: their removal began at this time and stopped halfway (a host finishes it by removing them again). */
  removingSince: Type.Optional(Type.Integer()),
  /** The company they belong to in a coworking space (issue 13), or null. */
  companyId: Type.Optional(Type.Union([Type.String(), Type.Null()])),
  /** Their profile photo (fetched with the session token), or null when they have none. */
  photoUrl: Type.Optional(Type.Union([Type.String(), Type.Null()])),
})
export type Member = Static<typeof MemberSchema>

export const SessionSchema = Type.Object({ token: Type.String(), expiresAt: Type.Integer() })
export const SignedInSchema = Type.Object({ session: SessionSchema, member: MemberSchema, workspace: WorkspaceSchema })
export type SignedIn = Static<typeof SignedInSchema>

/** `DELETE /api/sessions`, "Sign out everywhere": every session of the caller's account ended, this one too. */
export const SignedOutEverywhereSchema = Type.Object({ sessionsEnded: Type.Integer({ minimum: 0 }) })
export type SignedOutEverywhere = Static<typeof SignedOutEverywhereSchema>

export const HealthSchema = Type.Object({
  ok: Type.Boolean(),
  /** ok: every part answers; degraded: the server answers, but LiveKit (presence and calls) does not. */
  status: Type.Union([Type.Literal('ok'), Type.Literal('degraded')]),
  livekit: Type.Union([Type.Literal('ok'), Type.Literal('unreachable')]),
  version: Type.String(),
})
export type Health = Static<typeof HealthSchema>

/**
 * GET /api/client-config, public: what a client needs to know before signing in. The desktop app
 * allows this LiveKit URL in its Content-Security-Policy (main/desktop/reported-livekit.ts).
 */
export const ClientConfigSchema = Type.Object({ livekitUrl: Type.String({ maxLength: 2048 }) })
export type ClientConfig = Static<typeof ClientConfigSchema>

const Reachability = Type.Union([Type.Literal('ok'), Type.Literal('unreachable')])
/**
 * GET /api/ready, for load balancers: 200 `ready` when the store and LiveKit both answer, 503
 * `unready` naming which does not. /api/health stays liveness (the process answers).
 */
export const ReadySchema = Type.Object({
  status: Type.Union([Type.Literal('ready'), Type.Literal('unready')]),
  database: Reachability,
  livekit: Reachability,
})
export type Ready = Static<typeof ReadySchema>

export const CreateWorkspaceBody = Type.Object(
  { name: Name, owner: Type.Object({ name: Name, email: Email, password: Password }, { additionalProperties: false }) },
  { additionalProperties: false },
)
export type CreateWorkspaceBody = Static<typeof CreateWorkspaceBody>

export const SignInBody = Type.Object(
  { email: Email, password: Type.String({ minLength: 1, maxLength: 256 }), workspaceId: Type.Optional(WorkspaceIdSchema) },
  { additionalProperties: false },
)
export type SignInBody = Static<typeof SignInBody>

export const PatchMeBody = Type.Object(
  {
    name: Type.Optional(Name),
    password: Type.Optional(Password),
    currentPassword: Type.Optional(Type.String({ maxLength: 256 })),
    colour: Type.Optional(Colour),
  },
  { additionalProperties: false, minProperties: 1 },
)
export type PatchMeBody = Static<typeof PatchMeBody>

export const CreateInviteBody = Type.Object(
  {
    role: RoleSchema,
    email: Type.Optional(Email),
    expiresInHours: Type.Optional(Type.Integer({ minimum: 1, maximum: 24 * 30 })),
    rooms: Type.Optional(Type.Array(RoomIdSchema, { maxItems: 50 })),
  },
  { additionalProperties: false },
)
export type CreateInviteBody = Static<typeof CreateInviteBody>
export const InviteIdSchema = Type.String({ pattern: '^inv_[A-Za-z0-9_-]{1,48}$', maxLength: 64 })
/** A new invite: the code is shown once, to its creator; the server keeps only its hash. */
export const InviteSchema = Type.Object({ id: InviteIdSchema, code: Type.String(), url: Type.String(), expiresAt: Type.Integer() })
export type Invite = Static<typeof InviteSchema>
/** An open invite as hosts see it in the list: never its code. */
export const InviteSummarySchema = Type.Object({
  id: InviteIdSchema,
  role: RoleSchema,
  email: Type.Union([Type.String(), Type.Null()]),
  rooms: Type.Array(RoomIdSchema),
  createdBy: Type.Union([MemberIdSchema, Type.Null()]),
  createdAt: Type.Integer(),
  expiresAt: Type.Integer(),
})
export type InviteSummary = Static<typeof InviteSummarySchema>
export const InvitesSchema = Type.Object({ invites: Type.Array(InviteSummarySchema) })

export const AcceptInviteBody = Type.Object({ name: Name, email: Email, password: Password }, { additionalProperties: false })
export type AcceptInviteBody = Static<typeof AcceptInviteBody>

export const MembersSchema = Type.Object({ members: Type.Array(MemberSchema) })
export const PatchMemberBody = Type.Object({ role: RoleSchema }, { additionalProperties: false })

export const FloorSummarySchema = Type.Object({ id: FloorIdSchema, name: Name, version: Type.Integer() })
export const FloorsSchema = Type.Object({ floors: Type.Array(FloorSummarySchema) })
export type FloorSummary = Static<typeof FloorSummarySchema>
export { FloorSchema }

export const FloorTemplateSchema = Type.Union([Type.Literal('starter'), Type.Literal('team-30'), Type.Literal('event-space')])
export type FloorTemplate = Static<typeof FloorTemplateSchema>

/** A new floor: empty of the given size, or built from a template (whose size wins). */
export const CreateFloorBody = Type.Object(
  {
    name: Name,
    width: Type.Optional(Type.Number({ exclusiveMinimum: 0, maximum: 20_000 })),
    height: Type.Optional(Type.Number({ exclusiveMinimum: 0, maximum: 20_000 })),
    template: Type.Optional(FloorTemplateSchema),
  },
  { additionalProperties: false },
)
export type CreateFloorBody = Static<typeof CreateFloorBody>

/** The new order of the workspace's floors: every floor id exactly once. */
export const FloorOrderBody = Type.Object({ floorIds: Type.Array(FloorIdSchema, { minItems: 1, maxItems: floorLimits.maxFloors }) }, { additionalProperties: false })
export type FloorOrderBody = Static<typeof FloorOrderBody>

/**
 * A host's private draft of one floor: ops collected against `baseVersion`, kept by the server so a
 * reload keeps it, shown to nobody else, published as one batch.
 */
export const DraftSchema = Type.Object({ floorId: FloorIdSchema, baseVersion: Type.Integer({ minimum: 0 }), ops: Type.Array(FloorOpSchema), updatedAt: Type.Integer() })
export type Draft = Static<typeof DraftSchema>
export const PutDraftBody = Type.Object(
  { baseVersion: Type.Integer({ minimum: 0 }), ops: Type.Array(Type.Object({ op: Type.String() }), { maxItems: MAX_OPS_PER_BATCH }) },
  { additionalProperties: false },
)
export type PutDraftBody = Static<typeof PutDraftBody>

export const OpsSinceQuery = Type.Object({ since: Type.Integer({ minimum: 0 }) })
export const OpsBatchSchema = Type.Object({ version: Type.Integer(), batchId: Type.String(), ops: Type.Array(FloorOpSchema) })
export const OpsSinceSchema = Type.Object({ version: Type.Integer(), batches: Type.Array(OpsBatchSchema) })
export type OpsSince = Static<typeof OpsSinceSchema>
export { EditBatchSchema }
export const EditResultSchema = Type.Object({ version: Type.Integer() })
export type EditResult = Static<typeof EditResultSchema>

/** Who besides its owner may walk into a private office: the owner's own choice (PUT …/rooms/:room/allowed). */
export const AllowedBody = Type.Object({ allowed: Type.Array(MemberIdSchema, { maxItems: floorLimits.maxAllowed, uniqueItems: true }) }, { additionalProperties: false })
export type AllowedBody = Static<typeof AllowedBody>

/** A host's or a room owner's moderation of one person in a room (POST …/rooms/:room/mute, …/removals). */
export const RoomMemberBody = Type.Object({ memberId: MemberIdSchema }, { additionalProperties: false })
export type RoomMemberBody = Static<typeof RoomMemberBody>
/** How long someone removed from a room stays out (POST …/rooms/:room/removals answers when it ends). */
export const ROOM_BAN_MINUTES = 5
export const RoomRemovalSchema = Type.Object({ until: Type.Integer() })
export type RoomRemoval = Static<typeof RoomRemovalSchema>
/** Locks or unlocks a room from inside it (PUT …/rooms/:room/locked): a host's or the room owner's. */
export const RoomLockBody = Type.Object({ locked: Type.Boolean() }, { additionalProperties: false })
export type RoomLockBody = Static<typeof RoomLockBody>

export const LobbyTokenSchema = Type.Object({ url: Type.String(), token: Type.String(), identity: MemberIdSchema })
export type LobbyToken = Static<typeof LobbyTokenSchema>
export const RoomTokenSchema = Type.Object({ url: Type.String(), token: Type.String() })
export type RoomToken = Static<typeof RoomTokenSchema>

export const OccupancySchema = Type.Object({ rooms: Type.Record(Type.String(), Type.Array(MemberIdSchema)) })
export type Occupancy = Static<typeof OccupancySchema>

export const AdmissionBody = Type.Object(
  { memberId: MemberIdSchema, minutes: Type.Optional(Type.Integer({ minimum: 1, maximum: 24 * 60 })) },
  { additionalProperties: false },
)
export type AdmissionBody = Static<typeof AdmissionBody>

export const WorkspaceParams = Type.Object({ ws: WorkspaceIdSchema })
export const FloorParams = Type.Object({ ws: WorkspaceIdSchema, floor: FloorIdSchema })
export const RoomParams = Type.Object({ ws: WorkspaceIdSchema, room: RoomIdSchema })
export const RoomMemberParams = Type.Object({ ws: WorkspaceIdSchema, room: RoomIdSchema, member: MemberIdSchema })
export const MemberParams = Type.Object({ ws: WorkspaceIdSchema, id: MemberIdSchema })
export const InviteParams = Type.Object({ code: Type.String({ minLength: 8, maxLength: 128 }) })
export const InviteIdParams = Type.Object({ ws: WorkspaceIdSchema, id: InviteIdSchema })
