/** The typed HTTP client for server/ (shapes from protocol/api.ts). The only place that calls fetch. */
import type {
  AcceptInviteBody, CreateFloorBody, CreateInviteBody, CreateWorkspaceBody, Draft, EditResult, FloorSummary, Invite, InviteSummary, LobbyToken, Member, Occupancy, OpsSince,
  Role, RoomRemoval, RoomToken, SignInBody, SignedIn, SignedOutEverywhere, Workspace,
} from '../../protocol/api.ts'
import type { ErrorBody } from '../../protocol/errors.ts'
import type { FloorOp } from '../../protocol/floor/ops.ts'
import type { Floor } from '../../protocol/floor/records.ts'

/** The server answered with an error status. */
export class ApiError extends Error {
  readonly status: number
  readonly body: ErrorBody
  constructor(status: number, body: ErrorBody) {
    super(body.message)
    this.status = status
    this.body = body
  }
}

/** The server could not be reached at all. */
export class OfflineError extends Error {}

export interface Api {
  createWorkspace(body: CreateWorkspaceBody): Promise<SignedIn>
  signIn(body: SignInBody): Promise<SignedIn>
  signOut(): Promise<void>
  /** Ends every session of the account, on every device and in every workspace. */
  signOutEverywhere(): Promise<SignedOutEverywhere>
  me(): Promise<{ member: Member; workspace: Workspace }>
  acceptInvite(code: string, body: AcceptInviteBody): Promise<SignedIn>
  createInvite(ws: string, body: CreateInviteBody): Promise<Invite>
  /** Open invites (hosts): never their codes. */
  listInvites(ws: string): Promise<InviteSummary[]>
  revokeInvite(ws: string, inviteId: string): Promise<void>
  members(ws: string): Promise<Member[]>
  setRole(ws: string, memberId: string, role: Role): Promise<Member>
  removeMember(ws: string, memberId: string): Promise<void>
  floors(ws: string): Promise<FloorSummary[]>
  floor(ws: string, floorId: string): Promise<Floor>
  createFloor(ws: string, body: CreateFloorBody): Promise<Floor>
  removeFloor(ws: string, floorId: string): Promise<void>
  /** Sets the order of the workspace's floors (every floor id once); answers the floors in that order. */
  reorderFloors(ws: string, floorIds: string[]): Promise<FloorSummary[]>
  /** Applies one batch live; a stale `baseVersion` throws an ApiError with status 409. */
  edit(ws: string, floorId: string, batch: { baseVersion: number; batchId: string; ops: readonly FloorOp[] }): Promise<EditResult>
  /** This host's draft of a floor, or null when there is none. */
  getDraft(ws: string, floorId: string): Promise<Draft | null>
  /** Replaces this host's draft of a floor (kept by the server, so a reload keeps it). */
  putDraft(ws: string, floorId: string, body: { baseVersion: number; ops: readonly FloorOp[] }): Promise<Draft>
  deleteDraft(ws: string, floorId: string): Promise<void>
  /** Applies the draft as one batch and drops it. */
  publishDraft(ws: string, floorId: string): Promise<EditResult>
  opsSince(ws: string, floorId: string, since: number): Promise<OpsSince>
  lobbyToken(ws: string): Promise<LobbyToken>
  /**
   * A room's door: `token` to join it, if its rules let the caller in; `preview` to look in at it
   * (a token that joins it hidden, sending nothing; the app holds its subscriptions) until `enter`,
   * which walks in through that door (the preview becomes a full participant).
   */
  roomDoor<S extends 'token' | 'preview' | 'enter'>(ws: string, roomId: string, step: S): Promise<S extends 'enter' ? void : RoomToken>
  occupancy(ws: string): Promise<Occupancy>
  admit(ws: string, roomId: string, memberId: string): Promise<void>
  /** Who besides its owner may enter a private office (its owner's, or a workspace owner's, choice). */
  setAllowed(ws: string, roomId: string, allowed: readonly string[]): Promise<EditResult>
  /** Moderation by hosts and a room's owner: brings someone on stage in a stage room (true) or takes them off (false). */
  setSpeaker(ws: string, roomId: string, memberId: string, on: boolean): Promise<void>
  /** Mutes someone's microphone in a room (they can unmute it themselves). */
  muteMember(ws: string, roomId: string, memberId: string): Promise<void>
  /** Removes someone from a room: shown out now, refused at its door until `until`. */
  removeFromRoom(ws: string, roomId: string, memberId: string): Promise<RoomRemoval>
  /** Locks or unlocks a room from inside (those inside stay). */
  setLocked(ws: string, roomId: string, locked: boolean): Promise<EditResult>
  /** A cheap liveness check of the server; resolves with the id of the server process that answered. */
  ping(): Promise<string>
}

const REQUEST_TIMEOUT_MS = 10_000

export function createApi(baseUrl: string, getToken: () => string | null): Api {
  async function call<T>(method: string, path: string, body?: unknown): Promise<T> {
    const headers: Record<string, string> = {}
    const token = getToken()
    if (token) headers.authorization = `Bearer ${token}`
    if (body !== undefined) headers['content-type'] = 'application/json'
    let response: Response
    try {
      response = await fetch(baseUrl + path, {
        method,
        headers,
        ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
        signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
      })
    } catch (err) {
      throw new OfflineError(`cannot reach the server (${(err as Error).message})`)
    }
    if (response.status === 204) return undefined as T
    const text = await response.text()
    let parsed: unknown
    try {
      parsed = text ? JSON.parse(text) : null
    } catch {
      parsed = null
    }
    if (!response.ok) {
      // A proxy or a half-started server may answer without our error shape.
      if (response.status >= 502 && !(parsed as ErrorBody | null)?.error) throw new OfflineError(`the server answered ${response.status}`)
      throw new ApiError(response.status, (parsed as ErrorBody | null) ?? { error: 'unknown', message: `HTTP ${response.status}` })
    }
    return parsed as T
  }
  const ws = (id: string) => `/api/workspaces/${encodeURIComponent(id)}`
  const room = (id: string, roomId: string) => `${ws(id)}/rooms/${encodeURIComponent(roomId)}`
  const floorPath = (id: string, floorId: string) => `${ws(id)}/floors/${encodeURIComponent(floorId)}`
  const memberPath = (id: string, memberId: string) => `${ws(id)}/members/${encodeURIComponent(memberId)}`
  return {
    createWorkspace: (body) => call('POST', '/api/workspaces', body),
    signIn: (body) => call('POST', '/api/sessions', body),
    signOut: () => call('DELETE', '/api/sessions/current'),
    signOutEverywhere: () => call('DELETE', '/api/sessions'),
    me: () => call('GET', '/api/me'),
    acceptInvite: (code, body) => call('POST', `/api/invites/${encodeURIComponent(code)}/accept`, body),
    createInvite: (id, body) => call('POST', `${ws(id)}/invites`, body),
    listInvites: async (id) => (await call<{ invites: InviteSummary[] }>('GET', `${ws(id)}/invites`)).invites,
    revokeInvite: (id, inviteId) => call('DELETE', `${ws(id)}/invites/${encodeURIComponent(inviteId)}`),
    members: async (id) => (await call<{ members: Member[] }>('GET', `${ws(id)}/members`)).members,
    setRole: (id, memberId, role) => call('PATCH', memberPath(id, memberId), { role }),
    removeMember: (id, memberId) => call('DELETE', memberPath(id, memberId)),
    floors: async (id) => (await call<{ floors: FloorSummary[] }>('GET', `${ws(id)}/floors`)).floors,
    floor: (id, floorId) => call('GET', floorPath(id, floorId)),
    createFloor: (id, body) => call('POST', `${ws(id)}/floors`, body),
    removeFloor: (id, floorId) => call('DELETE', floorPath(id, floorId)),
    reorderFloors: async (id, floorIds) => (await call<{ floors: FloorSummary[] }>('PUT', `${ws(id)}/floors/order`, { floorIds })).floors,
    edit: (id, floorId, batch) => call('POST', `${floorPath(id, floorId)}/edits`, batch),
    async getDraft(id, floorId) {
      try {
        return await call<Draft>('GET', `${floorPath(id, floorId)}/draft`)
      } catch (err) {
        if (err instanceof ApiError && err.status === 404) return null
        throw err
      }
    },
    putDraft: (id, floorId, body) => call('PUT', `${floorPath(id, floorId)}/draft`, body),
    deleteDraft: (id, floorId) => call('DELETE', `${floorPath(id, floorId)}/draft`),
    publishDraft: (id, floorId) => call('POST', `${floorPath(id, floorId)}/draft/publish`),
    opsSince: (id, floorId, since) => call('GET', `${floorPath(id, floorId)}/ops?since=${since}`),
    lobbyToken: (id) => call('POST', `${ws(id)}/lobby/token`),
    roomDoor: (id, roomId, step) => call('POST', `${room(id, roomId)}/${step}`),
    occupancy: (id) => call('GET', `${ws(id)}/occupancy`),
    ping: async () => (await call<{ instance: string }>('GET', '/api/ping')).instance,
    admit: (id, roomId, memberId) => call('POST', `${room(id, roomId)}/admissions`, { memberId }),
    setAllowed: (id, roomId, allowed) => call('PUT', `${room(id, roomId)}/allowed`, { allowed }),
    setSpeaker: (id, roomId, memberId, on) => call(on ? 'POST' : 'DELETE', `${room(id, roomId)}/speakers/${encodeURIComponent(memberId)}`),
    muteMember: (id, roomId, memberId) => call('POST', `${room(id, roomId)}/mute`, { memberId }),
    removeFromRoom: (id, roomId, memberId) => call('POST', `${room(id, roomId)}/removals`, { memberId }),
    setLocked: (id, roomId, locked) => call('PUT', `${room(id, roomId)}/locked`, { locked }),
  }
}
