/**
 * The calendar routes over HTTP (protocol/calendar.ts): answers, deadlines, the private feed and
 * .ics import. Answers are schema-checked before use, as the community client's are.
 */
import {
  DeadlineSchema, DeadlinesSchema, FeedSchema, ImportedSchema, type Answer, type CreateDeadlineBody, type Deadline, type Feed,
} from '../../protocol/calendar.ts'
import { EventSchema, type CommunityEvent } from '../../protocol/community.ts'
import { partHttp } from '../services/part-http.ts'

export interface CalendarApi {
  answer(eventId: string, answer: Answer): Promise<CommunityEvent>
  deadlines(): Promise<Deadline[]>
  createDeadline(body: CreateDeadlineBody): Promise<Deadline>
  deleteDeadline(id: string): Promise<void>
  feed(): Promise<Feed>
  newFeed(): Promise<Feed>
  revokeFeed(): Promise<void>
  importIcs(ics: string, roomId: string): Promise<{ events: CommunityEvent[]; skipped: number }>
}

export function createCalendarApi(serverUrl: string, workspaceId: string, token: () => string | null): CalendarApi {
  const { json: go } = partHttp(`${serverUrl}/api/workspaces/${encodeURIComponent(workspaceId)}/calendar`, token)
  return {
    answer: (id, answer) => go('PUT', `/events/${encodeURIComponent(id)}/answer`, EventSchema, { answer }),
    deadlines: async () => (await go<{ deadlines: Deadline[] }>('GET', '/deadlines', DeadlinesSchema)).deadlines,
    createDeadline: (body) => go('POST', '/deadlines', DeadlineSchema, body),
    deleteDeadline: (id) => go('DELETE', `/deadlines/${encodeURIComponent(id)}`, null),
    feed: () => go('GET', '/feed', FeedSchema),
    newFeed: () => go('POST', '/feed', FeedSchema),
    revokeFeed: () => go('DELETE', '/feed', null),
    importIcs: (ics, roomId) => go('POST', '/import', ImportedSchema, { ics, roomId }),
  }
}
