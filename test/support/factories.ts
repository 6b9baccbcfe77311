/**
 * Builds workspaces, members, floor changes and LiveKit participants through the public API, the
 * way a host (or a client) would. Nothing here reaches into the store.
 */
import { Room } from '@livekit/rtc-node'
import type { SignedIn } from '../../protocol/api.ts'
import type { Floor } from '../../protocol/floor/records.ts'
import type { HttpClient } from './http.ts'

let counter = 0
const unique = () => `${Date.now().toString(36)}${(counter++).toString(36)}`

export const OWNER_PASSWORD = 'owner-password'
export const MEMBER_PASSWORD = 'member-password'

export async function createWorkspace(http: HttpClient, name = 'Acme'): Promise<SignedIn> {
  const id = unique()
  const res = await http.post<SignedIn>('/api/workspaces', { name, owner: { name: `Owner ${id}`, email: `owner-${id}@example.com`, password: OWNER_PASSWORD } })
  if (res.status !== 201) throw new Error(`create workspace: ${res.status} ${JSON.stringify(res.body)}`)
  return res.body
}

/** Invites and signs up a member with `role` into the owner's workspace. */
export async function addMember(http: HttpClient, owner: SignedIn, role: 'host' | 'member' | 'guest' = 'member', rooms?: string[]): Promise<SignedIn> {
  const res = await http.post<SignedIn>(`/api/invites/${await inviteCode(http, owner, role, rooms)}/accept`, newPerson(role))
  if (res.status !== 201) throw new Error(`accept: ${res.status} ${JSON.stringify(res.body)}`)
  return res.body
}

/** A person's own sign-up details, as end-to-end tests name them (Ana, Bo, …). */
export interface Person {
  name: string
  email: string
  password: string
}

/** The workspace `owner` makes, with `members` invited into it as members; their sign-ins. */
export async function team(http: HttpClient, owner: Person, members: readonly Person[]): Promise<{ owner: SignedIn; members: SignedIn[] }> {
  const made = await http.post<SignedIn>('/api/workspaces', { name: 'Acme', owner })
  if (made.status !== 201) throw new Error(`create workspace: ${made.status} ${JSON.stringify(made.body)}`)
  const joined: SignedIn[] = []
  for (const person of members) {
    const res = await http.post<SignedIn>(`/api/invites/${await inviteCode(http, made.body)}/accept`, person)
    if (res.status !== 201) throw new Error(`accept: ${res.status} ${JSON.stringify(res.body)}`)
    joined.push(res.body)
  }
  return { owner: made.body, members: joined }
}

/** A fresh invite code from `by` (an owner or host). */
export async function inviteCode(http: HttpClient, by: SignedIn, role: 'host' | 'member' | 'guest' = 'member', rooms?: string[]): Promise<string> {
  const invite = await http.post<{ code: string }>(`/api/workspaces/${by.workspace.id}/invites`, { role, ...(rooms ? { rooms } : {}) }, by.session.token)
  if (invite.status !== 201) throw new Error(`invite: ${invite.status} ${JSON.stringify(invite.body)}`)
  return invite.body.code
}

/** The sign-up body of someone nobody has seen before. */
export const newPerson = (label = 'person') => {
  const id = unique()
  return { name: `${label} ${id}`, email: `${label}-${id}@example.com`, password: MEMBER_PASSWORD }
}

/** A new session for someone already signed in once (their email is in their own member record). */
export async function signIn(http: HttpClient, who: SignedIn, password = who.member.role === 'owner' ? OWNER_PASSWORD : MEMBER_PASSWORD): Promise<SignedIn> {
  const res = await http.post<SignedIn>('/api/sessions', { email: who.member.email, password, workspaceId: who.workspace.id })
  if (res.status !== 201) throw new Error(`sign in: ${res.status} ${JSON.stringify(res.body)}`)
  return res.body
}

/** Applies ops to a floor on top of its current version, as a host's editor would. */
export async function editFloor(http: HttpClient, host: SignedIn, ops: unknown[], floorId = 'floor_main'): Promise<number> {
  const path = `/api/workspaces/${host.workspace.id}/floors/${floorId}`
  const floor = await http.get<Floor>(path, host.session.token)
  const res = await http.post<{ version: number }>(`${path}/edits`, { baseVersion: floor.body.version, ops }, host.session.token)
  if (res.status !== 200) throw new Error(`edit: ${res.status} ${JSON.stringify(res.body)}`)
  return res.body.version
}

/** A room for `room.add`, placed by default in the starter floor's free strip below the desks. */
export const roomRecord = (id: string, changes: Record<string, unknown> = {}) => ({
  id, name: id.replace('room_', ''), kind: 'meeting', x: 40, y: 620, width: 40, height: 40, capacity: 8, locked: false, ownerId: null, allowed: [], ...changes,
})

/** Connects a LiveKit participant (rtc-node) with a token the server issued; the caller disconnects it. */
export async function connectParticipant(url: string, token: string): Promise<Room> {
  const room = new Room()
  await room.connect(url, token, { autoSubscribe: false, dynacast: false })
  return room
}

/** Checks `condition` until it holds (webhooks arrive when LiveKit sends them); fails after `timeoutMs`. */
export async function until(condition: () => Promise<boolean>, what: string, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`)
    await new Promise((resolve) => setTimeout(resolve, 25))
  }
}

/** Who the server says is in `roomId` now (its occupancy comes from LiveKit webhooks). */
export async function occupantsOf(http: HttpClient, who: SignedIn, roomId: string): Promise<string[]> {
  const res = await http.get<{ rooms: Record<string, string[]> }>(`/api/workspaces/${who.workspace.id}/occupancy`, who.session.token)
  return res.body.rooms[roomId] ?? []
}

/** Puts `who` into a media room for real and waits until the server's occupancy shows it. */
export async function occupy(http: HttpClient, who: SignedIn, roomId: string): Promise<Room> {
  const token = await http.post<{ url: string; token: string }>(`/api/workspaces/${who.workspace.id}/rooms/${roomId}/token`, undefined, who.session.token)
  if (token.status !== 200) throw new Error(`room token: ${token.status} ${JSON.stringify(token.body)}`)
  const room = await connectParticipant(token.body.url, token.body.token)
  await until(async () => (await occupantsOf(http, who, roomId)).includes(who.member.id), `${who.member.id} in ${roomId} by the server's occupancy`)
  return room
}
