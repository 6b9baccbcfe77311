/**
 * Live community notices (issue 13) through the real livekit-server: an event made, an RSVP and a
 * group arrive in members' lobby connections as server-sent data carrying the record, which the
 * renderer's reader accepts; a guest hears nothing of events they do not attend.
 */
import { describe, expect, it } from 'vitest'
import type { SignedIn } from '../../protocol/api.ts'
import { COMMUNITY_TOPIC } from '../../protocol/community.ts'
import { readCommunityNotice } from '../../renderer/events/notices.ts'
import { addMember, createWorkspace, until } from '../support/factories.ts'
import { useNoticeStack } from '../support/notice-stack.ts'

const notices = useNoticeStack()
const { http } = notices

/** What `who`'s lobby connection hears from the server on the community topic (null: the reader refused it). */
const listen = (who: SignedIn) => notices.listen(who, COMMUNITY_TOPIC, readCommunityNotice)

describe('community notices', () => {
  it('carry events, RSVPs and groups to members, and nothing of others’ events to guests', async () => {
    const owner = await createWorkspace(http)
    const member = await addMember(http, owner)
    const link = await http.post<{ code: string }>(`/api/workspaces/${owner.workspace.id}/guest-links`, { roomId: 'room_meeting', startsAt: Date.now(), endsAt: Date.now() + 3_600_000 }, owner.session.token)
    const guest = (await http.post<SignedIn>(`/api/guest-links/${link.body.code}/join`, { name: 'Gus' })).body
    const [heardByMember, heardByGuest] = [await listen(member), await listen(guest)]

    const ws = `/api/workspaces/${owner.workspace.id}`
    const made = await http.post<{ id: string }>(`${ws}/events`, { title: 'Demo day', roomId: 'room_lounge', startsAt: Date.now(), endsAt: Date.now() + 3_600_000, capacity: 3 }, owner.session.token)
    await http.post(`${ws}/events/${made.body.id}/rsvp`, undefined, member.session.token)
    const group = await http.post<{ id: string }>(`${ws}/groups`, { name: 'Gardeners' }, member.session.token)

    await until(async () => heardByMember.length >= 3, 'three notices')
    expect(heardByMember).toEqual([
      { type: 'event', event: expect.objectContaining({ id: made.body.id, title: 'Demo day', attendees: [] }) },
      { type: 'event', event: expect.objectContaining({ id: made.body.id, attendees: [member.member.id] }) },
      { type: 'group', group: expect.objectContaining({ id: group.body.id, name: 'Gardeners', members: [member.member.id] }) },
    ])
    expect(heardByGuest).toEqual([])
  })
})
