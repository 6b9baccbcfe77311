/**
 * The community routes over HTTP (protocol/community.ts): events, groups, guest links, and the
 * public pages of guest links and open events. Answers are schema-checked before use: a server of
 * another version costs an error, never a wrong room or a wrong time.
 */
import type { TSchema } from 'typebox'
import { Value } from 'typebox/value'
import { SignedInSchema, type SignedIn } from '../../protocol/api.ts'
import {
  EventSchema, EventsSchema, GroupSchema, GroupsSchema, GuestLinkInfoSchema, GuestLinksSchema, NewGuestLinkSchema, PublicEventSchema,
  type CommunityEvent, type CreateEventBody, type CreateGuestLinkBody, type Group, type GuestLink, type PublicEvent,
} from '../../protocol/community.ts'
import type { ErrorBody } from '../../protocol/errors.ts'
import { ApiError, OfflineError } from '../services/api.ts'

const REQUEST_TIMEOUT_MS = 10_000

async function call<T>(url: string, method: string, token: string | null, schema: TSchema | null, body?: unknown): Promise<T> {
  const headers: Record<string, string> = {}
  if (token) headers.authorization = `Bearer ${token}`
  if (body !== undefined) headers['content-type'] = 'application/json'
  let response: Response
  try {
    response = await fetch(url, { method, headers, ...(body !== undefined ? { body: JSON.stringify(body) } : {}), signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS) })
  } catch (err) {
    throw new OfflineError(`cannot reach the server (${(err as Error).message})`)
  }
  const text = await response.text()
  let parsed: unknown
  try {
    parsed = text ? JSON.parse(text) : null
  } catch {
    parsed = null
  }
  if (!response.ok) throw new ApiError(response.status, (parsed as ErrorBody | null)?.message ? (parsed as ErrorBody) : { error: 'unknown', message: `HTTP ${response.status}` })
  if (schema && !Value.Check(schema, parsed)) throw new ApiError(502, { error: 'bad-answer', message: 'the server answered with something unexpected' })
  return parsed as T
}

export interface CommunityApi {
  events(): Promise<CommunityEvent[]>
  createEvent(body: CreateEventBody): Promise<CommunityEvent>
  cancelEvent(id: string): Promise<void>
  rsvp(id: string, going: boolean): Promise<CommunityEvent>
  publish(id: string): Promise<CommunityEvent>
  groups(): Promise<Group[]>
  createGroup(name: string, description: string): Promise<Group>
  setMembership(groupId: string, join: boolean): Promise<Group>
  guestLinks(): Promise<GuestLink[]>
  createGuestLink(body: CreateGuestLinkBody): Promise<{ link: GuestLink; url: string }>
  revokeGuestLink(id: string): Promise<void>
}

export function createCommunityApi(serverUrl: string, workspaceId: string, token: () => string | null): CommunityApi {
  const base = `${serverUrl}/api/workspaces/${encodeURIComponent(workspaceId)}`
  const go = <T>(method: string, path: string, schema: TSchema | null, body?: unknown) => call<T>(base + path, method, token(), schema, body)
  const one = (id: string) => encodeURIComponent(id)
  return {
    events: async () => (await go<{ events: CommunityEvent[] }>('GET', '/events', EventsSchema)).events,
    createEvent: (body) => go('POST', '/events', EventSchema, body),
    cancelEvent: (id) => go('DELETE', `/events/${one(id)}`, null),
    rsvp: (id, going) => go(going ? 'POST' : 'DELETE', `/events/${one(id)}/rsvp`, EventSchema),
    publish: (id) => go('POST', `/events/${one(id)}/publish`, EventSchema),
    groups: async () => (await go<{ groups: Group[] }>('GET', '/groups', GroupsSchema)).groups,
    createGroup: (name, description) => go('POST', '/groups', GroupSchema, { name, description }),
    setMembership: (id, join) => go('POST', `/groups/${one(id)}/${join ? 'join' : 'leave'}`, GroupSchema),
    guestLinks: async () => (await go<{ links: GuestLink[] }>('GET', '/guest-links', GuestLinksSchema)).links,
    createGuestLink: (body) => go('POST', '/guest-links', NewGuestLinkSchema, body),
    revokeGuestLink: (id) => go('DELETE', `/guest-links/${one(id)}`, null),
  }
}

/** The public pages (no session): a guest link's and an open event's. */
export const publicApi = (serverUrl: string) => ({
  guestLink: (code: string) => call<{ workspaceName: string; roomName: string; startsAt: number; endsAt: number }>(`${serverUrl}/api/guest-links/${encodeURIComponent(code)}`, 'GET', null, GuestLinkInfoSchema),
  joinGuestLink: (code: string, name: string) => call<SignedIn>(`${serverUrl}/api/guest-links/${encodeURIComponent(code)}/join`, 'POST', null, SignedInSchema, { name }),
  event: (code: string) => call<PublicEvent>(`${serverUrl}/api/public/events/${encodeURIComponent(code)}`, 'GET', null, PublicEventSchema),
  joinEvent: (code: string, name: string, email: string) =>
    call<SignedIn>(`${serverUrl}/api/public/events/${encodeURIComponent(code)}/join`, 'POST', null, SignedInSchema, { name, email }),
})
