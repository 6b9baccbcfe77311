/**
 * Interest groups (issue 13) against the real server: anyone but a guest makes one, with a private
 * channel of its members in the chat; joining the group joins its channel, leaving leaves it; a
 * group's members (and not others) make its events; two groups cannot share a name.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { SignedIn } from '../../protocol/api.ts'
import type { ConversationSummary } from '../../protocol/chat.ts'
import { MAX_LISTED_EVENTS, MAX_MEMBER_EVENTS, type Group } from '../../protocol/community.ts'
import { addMember, createWorkspace } from '../support/factories.ts'
import { httpClient, type HttpClient } from '../support/http.ts'
import { startStack, type Stack } from '../support/stack.ts'

let stack: Stack
let http: HttpClient
beforeAll(async () => {
  stack = await startStack()
  http = httpClient(stack.server.url)
})
afterAll(() => stack?.stop())

const conversations = async (who: SignedIn) =>
  (await http.get<{ conversations: ConversationSummary[] }>(`/api/workspaces/${who.workspace.id}/chat/conversations`, who.session.token)).body.conversations

describe('interest groups', () => {
  it('have a channel of their members, which joining and leaving the group joins and leaves', async () => {
    const owner = await createWorkspace(http)
    const [ana, bo] = [await addMember(http, owner), await addMember(http, owner)]
    const ws = `/api/workspaces/${owner.workspace.id}`
    const made = await http.post<Group>(`${ws}/groups`, { name: 'Board games', description: 'Thursdays' }, ana.session.token)
    expect(made.status).toBe(201)
    const channel = made.body.channelId
    expect((await conversations(ana)).find((c) => c.id === channel)).toMatchObject({ name: 'group-board-games', private: true, members: [ana.member.id] })
    expect((await conversations(bo)).some((c) => c.id === channel)).toBe(false)

    // A member who is not in the group makes none of its events; once in, they do.
    const event = { title: 'Catan night', roomId: 'room_lounge', startsAt: Date.now(), endsAt: Date.now() + 3_600_000, capacity: 6, groupId: made.body.id }
    expect((await http.post(`${ws}/events`, event, bo.session.token)).status).toBe(403)
    const joined = await http.post<Group>(`${ws}/groups/${made.body.id}/join`, undefined, bo.session.token)
    expect(joined.body.members).toEqual([ana.member.id, bo.member.id])
    expect((await conversations(bo)).find((c) => c.id === channel)?.members).toEqual([ana.member.id, bo.member.id])
    expect((await http.post(`${ws}/events`, event, bo.session.token)).status).toBe(201)

    const left = await http.post<Group>(`${ws}/groups/${made.body.id}/leave`, undefined, bo.session.token)
    expect(left.body.members).toEqual([ana.member.id])
    expect((await conversations(bo)).some((c) => c.id === channel)).toBe(false)

    const again = await http.post<{ field: string }>(`${ws}/groups`, { name: 'board GAMES' }, bo.session.token)
    expect([again.status, again.body.field]).toEqual([409, 'name'])
    const blank = await http.post<{ field?: string }>(`${ws}/groups`, { name: '   ' }, bo.session.token)
    expect(blank.status).toBe(400)
  })

  it(`keep everyone's list of events loadable: a member has at most ${MAX_MEMBER_EVENTS} upcoming, and the list holds the soonest ${MAX_LISTED_EVENTS}`, async () => {
    const owner = await createWorkspace(http)
    const bo = await addMember(http, owner)
    const ws = `/api/workspaces/${owner.workspace.id}`
    const group = (await http.post<Group>(`${ws}/groups`, { name: 'Loop' }, bo.session.token)).body
    const hour = 3_600_000
    const at = (i: number) => ({ title: `Event ${i}`, roomId: 'room_lounge', startsAt: Date.now() + (i + 1) * hour, endsAt: Date.now() + (i + 2) * hour, capacity: 6, groupId: group.id })
    for (let i = 0; i < MAX_MEMBER_EVENTS; i++) expect((await http.post(`${ws}/events`, at(i), bo.session.token)).status).toBe(201)
    const refused = await http.post<{ message: string }>(`${ws}/events`, at(MAX_MEMBER_EVENTS), bo.session.token)
    expect([refused.status, refused.body.message]).toEqual([409, expect.stringContaining(`at most ${MAX_MEMBER_EVENTS}`)])
    // A host is not limited; past the list's length, everyone still loads the soonest.
    for (let i = MAX_MEMBER_EVENTS; i <= MAX_LISTED_EVENTS; i++) expect((await http.post(`${ws}/events`, { ...at(i), groupId: undefined }, owner.session.token)).status).toBe(201)
    const listed = await http.get<{ events: { title: string }[] }>(`${ws}/events`, bo.session.token)
    expect(listed.status).toBe(200)
    expect(listed.body.events).toHaveLength(MAX_LISTED_EVENTS)
    expect(listed.body.events[0]?.title).toBe('Event 0')
  }, 120_000)
})
