/**
 * The community routes over HTTP (protocol/community.ts): events, groups, guest links, and the
 * public pages of guest links and open events. Answers are schema-checked before use: a server of
 * another version costs an error, never a wrong room or a wrong time.
 */
import { SignedInSchema, type SignedIn } from '../../protocol/api.ts'
import {
  EventSchema, EventsSchema, GroupSchema, GroupsSchema, GuestLinkInfoSchema, GuestLinksSchema, NewGuestLinkSchema, PublicEventSchema,
  type CommunityEvent, type CreateEventBody, type CreateGuestLinkBody, type Group, type GuestLink, type PublicEvent,
} from '../../protocol/community.ts'
import { partHttp } from '../services/part-http.ts'

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
  const { json: go } = partHttp(`${serverUrl}/api/workspaces/${encodeURIComponent(workspaceId)}`, token)
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
export const publicApi = (serverUrl: string) => {
  const { json } = partHttp(`${serverUrl}/api`, () => null)
  const one = (code: string) => encodeURIComponent(code)
  return {
    guestLink: (code: string) => json<{ workspaceName: string; roomName: string; startsAt: number; endsAt: number }>('GET', `/guest-links/${one(code)}`, GuestLinkInfoSchema),
    joinGuestLink: (code: string, name: string) => json<SignedIn>('POST', `/guest-links/${one(code)}/join`, SignedInSchema, { name }),
    event: (code: string) => json<PublicEvent>('GET', `/public/events/${one(code)}`, PublicEventSchema),
    joinEvent: (code: string, name: string, email: string) => json<SignedIn>('POST', `/public/events/${one(code)}/join`, SignedInSchema, { name, email }),
  }
}
