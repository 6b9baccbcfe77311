/**
 * Chat from a test's side: the API calls a client makes (test/support/http.ts), and a member's
 * real lobby connection (@livekit/rtc-node, with the lobby token the server gives them) that
 * collects the server's chat notices as a client would: server-sent only, schema-checked.
 */
import { RoomEvent, type Room } from '@livekit/rtc-node'
import { Value } from 'typebox/value'
import type { LobbyToken, SignedIn } from '../../protocol/api.ts'
import { ChatNoticeSchema, type ChatNotice, type Message } from '../../protocol/chat.ts'
import { topics } from '../../protocol/presence.ts'
import { connectParticipant, until } from './factories.ts'
import type { HttpClient, HttpResult } from './http.ts'

let clients = 0
export const clientId = () => `test-client-${Date.now().toString(36)}-${++clients}`

export const chatPath = (who: SignedIn, rest: string) => `/api/workspaces/${who.workspace.id}/chat${rest}`

export function chatApi(http: HttpClient) {
  return {
    post: (who: SignedIn, conversationId: string, body: string, extra: Record<string, unknown> = {}) =>
      http.post<Message>(chatPath(who, `/conversations/${conversationId}/messages`), { clientId: clientId(), body, ...extra }, who.session.token),
    call: <T = unknown>(who: SignedIn, method: string, rest: string, body?: unknown): Promise<HttpResult<T>> =>
      http.call<T>(method, chatPath(who, rest), { token: who.session.token, ...(body !== undefined ? { body } : {}) }),
  }
}

export interface ChatListener {
  room: Room
  /** Every chat notice the server sent to this member, in arrival order. */
  notices: ChatNotice[]
  /** Packets on the chat topic that were not the server's or not a valid notice. */
  refused: number
  /** Waits for a notice matching `test`; fails after a timeout. */
  next(test: (n: ChatNotice) => boolean, what: string): Promise<ChatNotice>
  leave(): Promise<void>
}

export async function listenToChat(http: HttpClient, who: SignedIn): Promise<ChatListener> {
  const res = await http.post<LobbyToken>(`/api/workspaces/${who.workspace.id}/lobby/token`, undefined, who.session.token)
  if (res.status !== 200) throw new Error(`lobby token: ${res.status} ${JSON.stringify(res.body)}`)
  const room = await connectParticipant(res.body.url, res.body.token)
  const listener: ChatListener = {
    room,
    notices: [],
    refused: 0,
    async next(test, what) {
      let found: ChatNotice | undefined
      await until(async () => (found = listener.notices.find(test)) !== undefined, `${who.member.id} to receive ${what}`)
      return found!
    },
    async leave() {
      room.removeAllListeners(RoomEvent.DataReceived)
      await room.disconnect()
    },
  }
  room.on(RoomEvent.DataReceived, (payload, participant, _kind, topic) => {
    if (topic !== topics.chat) return
    let value: unknown
    try {
      value = JSON.parse(new TextDecoder().decode(payload))
    } catch {
      value = null
    }
    if (participant !== undefined || !Value.Check(ChatNoticeSchema, value)) listener.refused++
    else listener.notices.push(value)
  })
  return listener
}

/** A notice of a message with this body. */
export const messageWith = (body: string) => (n: ChatNotice) => n.type === 'message' && n.message.body === body
