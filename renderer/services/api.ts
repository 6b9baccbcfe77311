/** The typed HTTP client for server/ (shapes from protocol/api.ts). The only place that calls fetch. */
import type {
  AcceptInviteBody, CreateInviteBody, CreateWorkspaceBody, FloorSummary, Invite, LobbyToken, Member, Occupancy, OpsSince, RoomToken, SignInBody, SignedIn, Workspace,
} from '../../protocol/api.ts'
import type { ErrorBody } from '../../protocol/errors.ts'
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
  me(): Promise<{ member: Member; workspace: Workspace }>
  acceptInvite(code: string, body: AcceptInviteBody): Promise<SignedIn>
  createInvite(ws: string, body: CreateInviteBody): Promise<Invite>
  members(ws: string): Promise<Member[]>
  floors(ws: string): Promise<FloorSummary[]>
  floor(ws: string, floorId: string): Promise<Floor>
  opsSince(ws: string, floorId: string, since: number): Promise<OpsSince>
  lobbyToken(ws: string): Promise<LobbyToken>
  roomToken(ws: string, roomId: string): Promise<RoomToken>
  occupancy(ws: string): Promise<Occupancy>
  admit(ws: string, roomId: string, memberId: string): Promise<void>
  /** A cheap liveness check of the server. */
  ping(): Promise<void>
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
  return {
    createWorkspace: (body) => call('POST', '/api/workspaces', body),
    signIn: (body) => call('POST', '/api/sessions', body),
    signOut: () => call('DELETE', '/api/sessions/current'),
    me: () => call('GET', '/api/me'),
    acceptInvite: (code, body) => call('POST', `/api/invites/${encodeURIComponent(code)}/accept`, body),
    createInvite: (id, body) => call('POST', `${ws(id)}/invites`, body),
    members: async (id) => (await call<{ members: Member[] }>('GET', `${ws(id)}/members`)).members,
    floors: async (id) => (await call<{ floors: FloorSummary[] }>('GET', `${ws(id)}/floors`)).floors,
    floor: (id, floorId) => call('GET', `${ws(id)}/floors/${encodeURIComponent(floorId)}`),
    opsSince: (id, floorId, since) => call('GET', `${ws(id)}/floors/${encodeURIComponent(floorId)}/ops?since=${since}`),
    lobbyToken: (id) => call('POST', `${ws(id)}/lobby/token`),
    roomToken: (id, roomId) => call('POST', `${ws(id)}/rooms/${encodeURIComponent(roomId)}/token`),
    occupancy: (id) => call('GET', `${ws(id)}/occupancy`),
    ping: () => call('GET', '/api/ping'),
    admit: (id, roomId, memberId) => call('POST', `${ws(id)}/rooms/${encodeURIComponent(roomId)}/admissions`, { memberId }),
  }
}
