/**
 * The access matrix for messaging: every chat route × caller × workspace, as in
 * access-matrix.test.ts (support/access-matrix.ts holds the frame and says which file has which
 * routes). The rules (issue 12's contract, server/chat/access.ts): guests never see channels, a
 * private channel is its members' alone (hosts included), a DM its people's, a room chat is read by
 * whoever the room's door would not refuse as private; what a caller cannot read is 404, never 403.
 * The office's conversations, with one message each (the bystander's; in the owner's office, theirs), are
 * made once (`office()`); rows that spend something make their own.
 */
import { beforeAll, describe, expect, it } from 'vitest'
import type { SignedIn } from '../../protocol/api.ts'
import type { Attachment, ConversationSummary, Message } from '../../protocol/chat.ts'
import { checkCoverage, cellsOf, everyone, freshMember, grid, matrix, me, runCell, useMatrix, type Caller, type Cell, type Row } from '../support/access-matrix.ts'
import { chatApi, chatPath, clientId } from '../support/chat.ts'
import { editFloor, roomRecord } from '../support/factories.ts'

const api = () => chatApi(matrix.http)
/** The call's answer when it succeeded; a setup step that fails stops the row with why. */
async function ok<T>(res: Promise<{ status: number; body: unknown }>, what: string): Promise<T> {
  const { status, body } = await res
  if (status >= 300) throw new Error(`${what}: ${status} ${JSON.stringify(body)}`)
  return body as T
}
const say = (who: SignedIn, conv: string, body: string, extra: Record<string, unknown> = {}) => ok<Message>(api().post(who, conv, body, extra), `${who.member.id} posts in ${conv}`)
const upload = (who: SignedIn) =>
  ok<Attachment>(matrix.http.call('POST', chatPath(who, '/attachments?name=note.json'), { token: who.session.token, body: { note: 'matrix' } }), 'upload')
const channel = async (who: SignedIn, name: string, members?: string[]) =>
  (await ok<{ id: string }>(api().call(who, 'POST', '/channels', { name, ...(members ? { private: true, members } : {}) }), `#${name}`)).id

/** Conversations with a message holding NEEDLE, by what they are. */
const places = ['general', 'open', 'secret', 'archived', 'dm', 'meeting', 'lounge', 'office', 'knock', 'private', 'gone'] as const
type Place = (typeof places)[number]
const NEEDLE = 'matrixneedle'
/** Of those, what each caller reads (their door, their channels, their DMs). */
const reads: Record<Exclude<Caller, 'anonymous'>, Place[]> = {
  owner: ['general', 'open', 'secret', 'archived', 'dm', 'meeting', 'lounge', 'private'],
  host: ['general', 'open', 'archived', 'meeting', 'lounge'],
  member: ['general', 'open', 'secret', 'archived', 'meeting', 'lounge', 'knock'],
  guest: ['meeting'],
}

async function build() {
  const { owner, host, member, bystander } = matrix.home
  const ids: Record<Place, string> = {
    general: 'ch_general', open: await channel(owner, 'matrix-open'), secret: await channel(owner, 'matrix-secret', [member.member.id, bystander.member.id]),
    archived: await channel(owner, 'matrix-archived', [host.member.id, member.member.id, bystander.member.id]),
    dm: (await ok<{ id: string }>(api().call(owner, 'POST', '/dms', { members: [bystander.member.id] }), 'dm')).id,
    meeting: 'rm_room_meeting', lounge: 'rm_room_lounge', office: 'rm_room_office', knock: 'rm_room_chat_knock', private: 'rm_room_private', gone: 'rm_room_chat_gone',
  }
  await ok(api().call(bystander, 'POST', `/conversations/${ids.open}/members`, { members: [bystander.member.id] }), 'join')
  await editFloor(matrix.http, owner, [
    { op: 'room.add', room: roomRecord('room_chat_gone', { x: 280 }) },
    { op: 'room.add', room: roomRecord('room_chat_knock', { x: 340, kind: 'private', ownerId: bystander.member.id }) },
  ])
  // The member knocked on the bystander's office and was let in: they read its chat.
  await ok(matrix.http.post(`/api/workspaces/${matrix.home.ws}/rooms/room_chat_knock/admissions`, { memberId: member.member.id }, bystander.session.token), 'admit')
  const msg = {} as Record<Place, Message>
  for (const place of places) msg[place] = await say(place === 'private' ? owner : bystander, ids[place], `${NEEDLE} in ${place}`)
  // A room taken off the floor takes its chat with it.
  await editFloor(matrix.http, owner, [{ op: 'room.remove', id: 'room_chat_gone' }])
  const own = {
    owner: await say(owner, ids.archived, 'mine'), host: await say(host, ids.archived, 'mine'), member: await say(member, ids.archived, 'mine'),
  }
  await ok(api().call(owner, 'PATCH', `/channels/${ids.archived}`, { archived: true }), 'archive')
  const att = { meeting: await upload(bystander), secret: await upload(bystander), dm: await upload(bystander), deleted: await upload(bystander), unposted: await upload(bystander) }
  for (const where of ['meeting', 'secret', 'dm'] as const) await say(bystander, ids[where], 'a file', { attachments: [att[where].id] })
  const doomed = await say(bystander, ids.meeting, 'a file, soon gone', { attachments: [att.deleted.id] })
  await ok(api().call(bystander, 'DELETE', `/messages/${doomed.id}`), 'delete')
  const away = matrix.away.owner
  return {
    ids, msg, own, att,
    joinable: await channel(owner, 'matrix-joinable'), invitable: await channel(owner, 'matrix-invitable', [member.member.id]),
    toArchive: await channel(owner, 'matrix-to-archive'), privateToArchive: await channel(owner, 'matrix-private-archive', [member.member.id]),
    awayChannel: await channel(away, 'away-open'), awayMessage: await say(away, 'ch_general', 'elsewhere'),
  }
}
let built: ReturnType<typeof build> | undefined
const office = () => (built ??= build())

const asSelf = (c: Cell) => c.scope === 'own' && c.who !== null
const mayHost = (c: Cell) => asSelf(c) && (c.caller === 'owner' || c.caller === 'host')
/** The caller's own message in the meeting room's chat (the other callers': the bystander's); new each time. */
const freshOwn = async (c: Cell) => (asSelf(c) ? say(c.who!, 'rm_room_meeting', `by ${c.caller}`) : (await office()).msg.meeting)
const listOf = async (who: SignedIn) => (await ok<{ conversations: ConversationSummary[] }>(api().call(who, 'GET', '/conversations'), 'list')).conversations
const placesIn = async (messages: Message[]) => {
  const { ids } = await office()
  return places.filter((p) => messages.some((m) => m.conversationId === ids[p] && m.body.startsWith(NEEDLE)))
}

const described: Record<Place, string> = {
  general: '#general', open: 'a public channel only the owner joined', secret: 'a private channel of the owner, the member and the bystander',
  archived: 'an archived private channel of all but the guest', dm: 'a DM of the owner and the bystander', meeting: 'the meeting room, in the guest\'s invite',
  lounge: 'the lounge, not in the guest\'s invite', office: 'the bystander\'s private office', knock: 'the bystander\'s private office, which let the member in', private: 'the owner\'s private office', gone: 'a room taken off the floor',
}
/** A row for a route that acts on a conversation: the place's, unless `more` says otherwise. */
const at = (route: string, place: Place, own: Row['own'], more: Partial<Row> = {}): Row => ({
  route, variant: described[place], own, other: null,
  request: async () => ({ params: { conversationId: (await office()).ids[place] } }), ...more,
})
/** As the OpenAPI document names them (the chat routes' workspace parameter is `workspaceId`). */
const CHAT = '/api/workspaces/{workspaceId}/chat'
const CONV = `${CHAT}/conversations/{conversationId}`
const MESSAGE = `${CHAT}/messages/{messageId}`
const REACTION = `${MESSAGE}/reactions/{reaction}`
const readers = grid(200, 200, 200, 404)
/** Answers to the owner and the member (private channels), or the owner alone (their DM with the bystander, their office). */
const secretOnes = (status: number) => grid(status, 404, status, 404)
const ownerOnly = (status: number) => grid(status, 404, 404, 404)
const frozen = grid('403 archived', '403 archived', '403 archived', 404)
const bystanders = (place: Place) => async () => ({ params: { messageId: (await office()).msg[place].id } })

const history = (place: Place, own: Row['own'], extra: Partial<Row> = {}): Row => at(`GET ${CONV}/messages`, place, own, {
  check: async (res) => expect((res.body.messages as Message[]).map((m) => m.body)).toContain(`${NEEDLE} in ${place}`), ...extra,
})
const post = (place: Place, own: Row['own'], extra: Partial<Row> = {}): Row => at(`POST ${CONV}/messages`, place, own, {
  request: async (c) => ({ params: { conversationId: (await office()).ids[place] }, body: { clientId: clientId(), body: `hello from ${c.caller}` } }),
  check: async (res, c) => expect(res.body).toMatchObject({ authorId: me(c).member.id, conversationId: (await office()).ids[place], body: `hello from ${c.caller}` }),
  ...extra,
})

const conversationRows: Row[] = [
  {
    route: `GET ${CHAT}/conversations`,
    own: everyone(200),
    request: () => ({}),
    async check(res, c) {
      const { ids } = await office()
      const listed = res.body.conversations as ConversationSummary[]
      const seen = places.filter((p) => listed.some((l) => l.id === ids[p]))
      expect(seen).toEqual(reads[c.caller as keyof typeof reads])
      // Public channels are listed to every non-guest; joined only by who joined.
      if (c.caller !== 'guest') expect(listed.find((l) => l.id === ids.open)?.joined).toBe(c.caller === 'owner')
      // A guest: their invite's rooms but the bystander's private office, nothing else.
      else expect(listed.map((l) => l.id).sort()).toEqual(['rm_room_allowed', 'rm_room_full', 'rm_room_locked', 'rm_room_meeting'])
    },
  },
  {
    route: `POST ${CHAT}/channels`,
    variant: 'public',
    own: grid(201, 201, 403, 403),
    request: (c) => ({ body: { name: `open-${c.caller}-${c.scope}` } }),
    check: (res, c) => expect(res.body).toMatchObject({ kind: 'channel', private: false, archived: false, members: [me(c).member.id] }),
  },
  {
    route: `POST ${CHAT}/channels`,
    variant: 'private, with the member invited',
    own: grid(201, 201, 403, 403),
    other: null,
    request: (c) => ({ body: { name: `closed-${c.caller}`, private: true, members: [c.home.member.member.id] } }),
    async check(res, c) {
      expect(res.body.private).toBe(true)
      expect([...(res.body.members as string[])].sort()).toEqual([me(c).member.id, c.home.member.member.id].sort())
      const outsider = await api().call(c.home.bystander, 'GET', `/conversations/${String(res.body.id)}/messages`)
      expect(outsider.status).toBe(404)
    },
  },
  { route: `POST ${CHAT}/channels`, variant: 'a name that is taken', own: grid(409, 409, 403, 403), other: null, request: () => ({ body: { name: 'matrix-open' } }) },
  {
    route: `POST ${CHAT}/channels`,
    variant: 'private, inviting a guest',
    own: grid(400, 400, 403, 403),
    other: null,
    request: (c) => ({ body: { name: 'with-a-guest', private: true, members: [c.home.guest.member.id] } }),
  },
  ...([[true, 'archive'], [false, 'unarchive']] as const).map(([archived, variant]): Row => ({
    route: `PATCH ${CHAT}/channels/{conversationId}`,
    variant: `${variant} a public channel`,
    own: grid(200, 200, 403, 404),
    ...(archived ? {} : { other: null }),
    async request(c) {
      const { toArchive } = await office()
      await ok(api().call(c.home.owner, 'PATCH', `/channels/${toArchive}`, { archived: !archived }), 'set up')
      return { params: { conversationId: toArchive }, body: { archived } }
    },
    check: (res) => expect(res.body.archived).toBe(archived),
  })),
  {
    route: `PATCH ${CHAT}/channels/{conversationId}`,
    variant: 'a private channel of the owner and the member',
    own: grid(200, 404, 403, 404),
    other: null,
    request: async () => ({ params: { conversationId: (await office()).privateToArchive }, body: { archived: true } }),
  },
  { route: `PATCH ${CHAT}/channels/{conversationId}`, variant: '#general', own: grid(400, 400, 403, 404), other: null, request: () => ({ params: { conversationId: 'ch_general' }, body: { archived: true } }) },
  at(`PATCH ${CHAT}/channels/{conversationId}`, 'meeting', everyone(404), { variant: 'a room chat, not a channel', request: () => ({ params: { conversationId: 'rm_room_meeting' }, body: { archived: true } }) }),
  {
    route: `POST ${CONV}/members`,
    variant: 'join a public channel',
    own: readers,
    request: async (c) => ({ params: { conversationId: (await office()).joinable }, body: { members: [me(c).member.id] } }),
    check: (res, c) => expect(res.body.members).toContain(me(c).member.id),
  },
  {
    route: `POST ${CONV}/members`,
    variant: 'add the bystander to a public channel the caller joined',
    own: grid(200, 200, 403, 404),
    other: null,
    async request(c) {
      const { joinable } = await office()
      if (asSelf(c)) await api().call(c.who!, 'POST', `/conversations/${joinable}/members`, { members: [c.who!.member.id] })
      return { params: { conversationId: joinable }, body: { members: [c.home.bystander.member.id] } }
    },
  },
  {
    route: `POST ${CONV}/members`,
    variant: 'invite the bystander to a private channel of the owner and the member',
    own: secretOnes(200),
    other: null,
    request: async (c) => ({ params: { conversationId: (await office()).invitable }, body: { members: [c.home.bystander.member.id] } }),
    check: (res, c) => expect(res.body.members).toContain(c.home.bystander.member.id),
  },
  {
    route: `POST ${CONV}/members`,
    variant: 'invite a guest to a private channel of the owner and the member',
    own: secretOnes(400),
    other: null,
    request: async (c) => ({ params: { conversationId: (await office()).invitable }, body: { members: [c.home.guest.member.id] } }),
  },
  at(`POST ${CONV}/members`, 'general', grid(400, 400, 400, 404), { request: (c) => ({ params: { conversationId: 'ch_general' }, body: { members: [me(c).member.id] } }) }),
  at(`POST ${CONV}/members`, 'meeting', everyone(400), { request: (c) => ({ params: { conversationId: 'rm_room_meeting' }, body: { members: [me(c).member.id] } }) }),
  {
    route: `DELETE ${CONV}/members/{memberId}`,
    variant: 'leave a public channel',
    own: grid(204, 204, 204, 404),
    async request(c) {
      const { joinable } = await office()
      if (asSelf(c)) await api().call(c.who!, 'POST', `/conversations/${joinable}/members`, { members: [c.who!.member.id] })
      return { params: { conversationId: joinable, memberId: me(c).member.id } }
    },
    async check(_res, c) {
      const { joinable } = await office()
      expect((await listOf(c.who!)).find((l) => l.id === joinable)?.joined).toBe(false)
    },
  },
  {
    route: `DELETE ${CONV}/members/{memberId}`,
    variant: 'take the bystander out of a public channel',
    own: grid(204, 204, 403, 404),
    other: null,
    async request(c) {
      const { joinable } = await office()
      await ok(api().call(c.home.bystander, 'POST', `/conversations/${joinable}/members`, { members: [c.home.bystander.member.id] }), 'join')
      return { params: { conversationId: joinable, memberId: c.home.bystander.member.id } }
    },
  },
  at(`DELETE ${CONV}/members/{memberId}`, 'general', grid(400, 400, 400, 404), { request: (c) => ({ params: { conversationId: 'ch_general', memberId: me(c).member.id } }) }),
  {
    route: `POST ${CHAT}/dms`,
    variant: 'with someone new',
    own: grid(201, 201, 201, 403),
    request: async (c) => ({ body: { members: [(asSelf(c) && c.caller !== 'guest' ? await freshMember(c.home) : c.home.bystander).member.id] } }),
    check: (res, c) => expect(res.body).toMatchObject({ kind: 'dm', members: expect.arrayContaining([me(c).member.id]) }),
  },
  {
    route: `POST ${CHAT}/dms`,
    variant: 'the same people again',
    own: grid(200, 200, 200, 403),
    other: null,
    request: async (c) => {
      if (asSelf(c)) await api().call(c.who!, 'POST', '/dms', { members: [c.home.bystander.member.id] })
      return { body: { members: [c.home.bystander.member.id] } }
    },
    check: (res, c) => expect([...(res.body.members as string[])].sort()).toEqual([me(c).member.id, c.home.bystander.member.id].sort()),
  },
  { route: `POST ${CHAT}/dms`, variant: 'with a guest', own: grid(400, 400, 400, 403), other: null, request: (c) => ({ body: { members: [c.home.guest.member.id] } }) },
  { route: `POST ${CHAT}/dms`, variant: 'with a member of another workspace', own: grid(400, 400, 400, 403), other: null, request: () => ({ body: { members: [matrix.away.member.member.id] } }) },
  ...(['general', 'meeting', 'secret', 'dm'] as const).map((place, i): Row => at(`PUT ${CONV}/read`, place, [grid(204, 204, 204, 404), everyone(204), secretOnes(204), ownerOnly(204)][i]!, {
    ...(i === 0 ? { other: everyone(404) } : {}),
    request: async () => ({ params: { conversationId: (await office()).ids[place] }, body: { seq: (await office()).msg[place].seq } }),
    async check(_res, c) {
      const { ids, msg } = await office()
      expect((await listOf(c.who!)).find((l) => l.id === ids[place])?.readSeq).toBeGreaterThanOrEqual(msg[place].seq)
    },
  })),
  at(`POST ${CONV}/typing`, 'meeting', everyone(204), { other: everyone(404) }),
  at(`POST ${CONV}/typing`, 'lounge', grid(204, 204, 204, 404)),
  at(`POST ${CONV}/typing`, 'secret', secretOnes(204)),
  at(`POST ${CONV}/typing`, 'dm', ownerOnly(204)),
]

const messageRows: Row[] = [
  history('general', readers, { other: everyone(404) }),
  history('open', readers),
  history('secret', secretOnes(200)),
  history('archived', readers),
  history('dm', ownerOnly(200)),
  history('meeting', everyone(200)),
  history('lounge', readers),
  history('office', everyone(404)),
  history('knock', grid(404, 404, 200, 404)),
  history('private', ownerOnly(200)),
  history('gone', everyone(404)),
  ...([['locked', 'a locked room'], ['allowed', 'a private office allowing the callers'], ['full', 'a full room']] as const).map(([room, variant]) =>
    at(`GET ${CONV}/messages`, 'meeting', everyone(200), { variant, request: () => ({ params: { conversationId: `rm_room_${room}` } }) })),
  at(`GET ${CONV}/messages`, 'meeting', everyone(404), { variant: 'no such room', request: () => ({ params: { conversationId: 'rm_room_nowhere' } }) }),
  at(`GET ${CONV}/messages`, 'open', everyone(404), { variant: 'a channel of another workspace', request: async () => ({ params: { conversationId: (await office()).awayChannel } }) }),
  post('general', grid(201, 201, 201, 404), { other: everyone(404) }),
  post('open', grid(201, '403 not-joined', '403 not-joined', 404)),
  post('secret', secretOnes(201)),
  post('archived', frozen),
  post('dm', ownerOnly(201)),
  post('meeting', everyone(201)),
  post('lounge', grid(201, 201, 201, 404)),
  post('office', everyone(404)),
  post('private', ownerOnly(201)),
  post('meeting', everyone(200), {
    variant: 'the same clientId again',
    request: async (c) => {
      const body = { clientId: clientId(), body: `once from ${c.caller}` }
      if (asSelf(c)) await say(c.who!, 'rm_room_meeting', body.body, { clientId: body.clientId })
      return { params: { conversationId: 'rm_room_meeting' }, body }
    },
    check: async (res, c) => expect((await ok<{ messages: Message[] }>(api().call(c.who!, 'GET', '/conversations/rm_room_meeting/messages'), 'history')).messages.filter((m) => m.clientId === (res.body.clientId as string)).map((m) => m.id)).toEqual([res.body.id]),
  }),
  {
    route: `PATCH ${MESSAGE}`,
    variant: 'the caller\'s own message',
    own: everyone(200),
    request: async (c) => ({ params: { messageId: (await freshOwn(c)).id }, body: { body: 'edited' } }),
    check: (res) => expect(res.body).toMatchObject({ body: 'edited', editedAt: expect.any(Number) }),
  },
  ...([['meeting', everyone(403)], ['secret', grid(403, 404, 403, 404)], ['dm', grid(403, 404, 404, 404)]] as const).map(([place, own]): Row => ({
    route: `PATCH ${MESSAGE}`, variant: `the bystander's, in ${described[place]}`, own, other: null,
    request: async () => ({ ...(await bystanders(place)()), body: { body: 'not yours' } }),
  })),
  {
    route: `PATCH ${MESSAGE}`,
    variant: 'the caller\'s own, in an archived channel (the guest: the bystander\'s)',
    own: frozen,
    other: null,
    request: async (c) => {
      const { own, msg } = await office()
      return { params: { messageId: (own[c.caller as keyof typeof own] ?? msg.archived).id }, body: { body: 'late' } }
    },
  },
  { route: `PATCH ${MESSAGE}`, variant: 'a message of another workspace', own: everyone(404), other: null, request: async () => ({ params: { messageId: (await office()).awayMessage.id }, body: { body: 'x' } }) },
  {
    route: `DELETE ${MESSAGE}`,
    variant: 'the caller\'s own message',
    own: everyone(200),
    request: async (c) => ({ params: { messageId: (await freshOwn(c)).id } }),
    check: (res) => expect(res.body).toMatchObject({ deleted: true, body: '' }),
  },
  ...([['meeting', grid(200, 200, 403, 403)], ['secret', grid(200, 404, 403, 404)]] as const).map(([place, own]): Row => ({
    route: `DELETE ${MESSAGE}`, variant: `the bystander's (new each time), in ${described[place]}`, own, other: null,
    async request(c) {
      const { ids } = await office()
      return { params: { messageId: (mayHost(c) ? await say(c.home.bystander, ids[place], 'to be taken down') : (await office()).msg[place]).id } }
    },
    check: (res) => expect(res.body.deleted).toBe(true),
  })),
  {
    route: `DELETE ${MESSAGE}`,
    variant: 'the caller\'s own, in an archived channel (the guest: the bystander\'s)',
    own: frozen,
    other: null,
    request: async (c) => {
      const { own, msg } = await office()
      return { params: { messageId: (own[c.caller as keyof typeof own] ?? msg.archived).id } }
    },
  },
  { route: `DELETE ${MESSAGE}`, variant: 'a message of another workspace', own: everyone(404), other: null, request: async () => ({ params: { messageId: (await office()).awayMessage.id } }) },
  ...(['PUT', 'DELETE'] as const).flatMap((method) => ([['meeting', everyone(200)], ['secret', secretOnes(200)], ['dm', ownerOnly(200)], ['archived', frozen]] as const).map(([place, own], i): Row => ({
    route: `${method} ${REACTION}`, variant: `👍 on the bystander's, in ${described[place]}`, own, ...(i ? { other: null } : {}),
    async request(c) {
      const { msg } = await office()
      if (method === 'DELETE' && asSelf(c)) await api().call(c.who!, 'PUT', `/messages/${msg[place].id}/reactions/${encodeURIComponent('👍')}`)
      return { params: { messageId: msg[place].id, reaction: '👍' } }
    },
    check: (res, c) => expect((res.body.reactions as Record<string, string[]>)['👍'] ?? []).toSatisfy((who: string[]) => who.includes(me(c).member.id) === (method === 'PUT')),
  }))),
  { route: `PUT ${REACTION}`, variant: 'not one of the set', own: everyone(400), other: null, request: async () => ({ params: { messageId: (await office()).msg.meeting.id, reaction: '🍕' } }) },
  { route: `PUT ${REACTION}`, variant: 'a message of another workspace', own: everyone(404), other: null, request: async () => ({ params: { messageId: (await office()).awayMessage.id, reaction: '👍' } }) },
  {
    route: `GET ${CHAT}/events`,
    variant: 'everything since 0: the messages of what the caller reads and belongs to',
    own: everyone(200),
    request: () => ({ query: '?since=0' }),
    // Public channels not joined are read on opening, not caught up on.
    check: async (res, c) => expect(await placesIn(res.body.messages as Message[])).toEqual(reads[c.caller as keyof typeof reads].filter((p) => p !== 'open' || c.caller === 'owner')),
  },
  {
    route: `GET ${CHAT}/search`,
    own: everyone(200),
    request: () => ({ query: `?q=${NEEDLE}&limit=100` }),
    check: async (res, c) => expect(await placesIn(res.body.messages as Message[])).toEqual(reads[c.caller as keyof typeof reads]),
  },
]

const attachmentRows: Row[] = [
  {
    route: `POST ${CHAT}/attachments`,
    own: grid(201, 201, 201, 403),
    request: () => ({ query: '?name=note.json', body: { note: 'matrix' } }),
    check: (res) => expect(res.body).toMatchObject({ name: 'note.json', type: 'text/plain; charset=utf-8', size: 17 }),
  },
  ...([['meeting', everyone(200)], ['secret', secretOnes(200)], ['dm', ownerOnly(200)], ['unposted', everyone(404)], ['deleted', everyone(404)]] as const).map(([where, own], i): Row => ({
    route: `GET ${CHAT}/attachments/{attachmentId}`,
    variant: where === 'unposted' ? 'the bystander\'s, not posted yet' : where === 'deleted' ? 'on a deleted message' : `on the bystander's message in ${described[where]}`,
    own, ...(i ? { other: null } : {}),
    request: async () => ({ params: { attachmentId: (await office()).att[where].id } }),
    check: (res) => expect(res.body).toEqual({ note: 'matrix' }),
  })),
  {
    route: `GET ${CHAT}/attachments/{attachmentId}`,
    variant: 'the caller\'s own, not posted yet (the guest: the bystander\'s)',
    own: grid(200, 200, 200, 404),
    other: null,
    request: async (c) => ({ params: { attachmentId: (asSelf(c) && c.caller !== 'guest' ? await upload(c.who!) : (await office()).att.unposted).id } }),
    check: (res) => expect(res.body).toEqual({ note: 'matrix' }),
  },
]

const table = [...conversationRows, ...messageRows, ...attachmentRows]

describe('access matrix for chat: route × caller × workspace × conversation', () => {
  useMatrix()
  beforeAll(office)

  it('has a row for every documented chat route (support/access-matrix.ts chatPrefix), and documents every row', () => checkCoverage(table, 'chat'))

  // One `it` per cell rather than it.each's '$name', which vitest cuts at 40 characters: every chat
  // route starts with the same 40, and a failure must say which cell it is.
  for (const cell of cellsOf(table)) it(cell.name, () => runCell(cell))
})
