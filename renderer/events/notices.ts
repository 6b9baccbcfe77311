/**
 * Live community notices (server-sent on the lobby's COMMUNITY_TOPIC): schema-checked and
 * size-bounded, then applied to the events store. Anything else is dropped.
 */
import { Value } from 'typebox/value'
import { CommunityNoticeSchema, MAX_COMMUNITY_NOTICE_BYTES, type CommunityNotice } from '../../protocol/community.ts'
import { eventsStore } from './events-store.ts'

/** The notice in `payload`, or null when it is too large or not a community notice. */
export function readCommunityNotice(payload: Uint8Array): CommunityNotice | null {
  if (payload.byteLength > MAX_COMMUNITY_NOTICE_BYTES) return null
  try {
    const value: unknown = JSON.parse(new TextDecoder().decode(payload))
    return Value.Check(CommunityNoticeSchema, value) ? value : null
  } catch {
    return null
  }
}

/** Applies a server-sent packet; false when it was dropped. */
export function receiveCommunityNotice(payload: Uint8Array): boolean {
  const notice = readCommunityNotice(payload)
  if (!notice) return false
  const s = eventsStore.getState()
  if (notice.type === 'event') s.putEvent(notice.event)
  else if (notice.type === 'event-gone') s.dropEvent(notice.eventId)
  else if (notice.type === 'group') s.putGroup(notice.group)
  else if (notice.type === 'deadline') s.putDeadline(notice.deadline)
  else s.dropDeadline(notice.deadlineId)
  return true
}
