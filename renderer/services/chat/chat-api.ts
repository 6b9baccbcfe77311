/**
 * The chat routes over HTTP (protocol/chat.ts), for the chat service only. Failures become a
 * ChatError: status 0 when the server could not be reached, else the server's status, message
 * and reason. Lists and catch-up answers are schema-checked before they reach the cache: a
 * server of another version costs a refetch, never a poisoned cache.
 */
import type { TSchema } from 'typebox'
import { Value } from 'typebox/value'
import {
  CatchUpSchema, ConversationsSchema, MessagePageSchema, type Attachment, type CatchUp, type Conversation, type ConversationSummary, type CreateChannelBody,
  type Message, type MessagePage,
} from '../../../protocol/chat.ts'
import type { ErrorBody } from '../../../protocol/errors.ts'
import { ChatError } from './types.ts'

const REQUEST_TIMEOUT_MS = 10_000
const UPLOAD_TIMEOUT_MS = 120_000
/** A schema's check. Not typebox's Compile: it builds code with new Function, which the CSP forbids (no eval). */
const checker = (schema: TSchema) => ({ Check: (value: unknown) => Value.Check(schema, value) })
const checkConversations = checker(ConversationsSchema)
const checkCatchUp = checker(CatchUpSchema)
const checkPage = checker(MessagePageSchema)

export interface ChatApi {
  conversations(): Promise<ConversationSummary[]>
  events(since: number): Promise<CatchUp>
  history(conversationId: string, query: { before?: number; thread?: string; limit?: number }): Promise<MessagePage>
  post(conversationId: string, body: { clientId: string; body: string; threadId?: string; attachments?: string[] }): Promise<Message>
  edit(messageId: string, body: string): Promise<Message>
  remove(messageId: string): Promise<Message>
  react(messageId: string, reaction: string, on: boolean): Promise<Message>
  read(conversationId: string, seq: number): Promise<void>
  typing(conversationId: string): Promise<void>
  createChannel(body: CreateChannelBody): Promise<Conversation>
  setArchived(conversationId: string, archived: boolean): Promise<Conversation>
  addMembers(conversationId: string, members: string[]): Promise<Conversation>
  removeMember(conversationId: string, memberId: string): Promise<void>
  openDm(members: string[]): Promise<Conversation>
  search(q: string, limit?: number): Promise<Message[]>
  upload(bytes: Blob, name: string): Promise<Attachment>
  download(attachmentId: string): Promise<Blob>
}

function checked<T>(check: { Check(v: unknown): boolean }, value: unknown, what: string): T {
  if (!check.Check(value)) throw new ChatError(502, `the server's ${what} was not understood`)
  return value as T
}

/** `baseUrl` may be a function: asked on every request (tests point it elsewhere to go offline). */
export function createChatApi(baseUrl: string | (() => string), workspaceId: string, getToken: () => string | null): ChatApi {
  const base = () => `${typeof baseUrl === 'string' ? baseUrl : baseUrl()}/api/workspaces/${encodeURIComponent(workspaceId)}/chat`
  async function send(method: string, path: string, body?: unknown, raw?: Blob): Promise<Response> {
    const headers: Record<string, string> = {}
    const token = getToken()
    if (token) headers.authorization = `Bearer ${token}`
    if (body !== undefined) headers['content-type'] = 'application/json'
    if (raw) headers['content-type'] = 'application/octet-stream'
    let response: Response
    try {
      response = await fetch(base() + path, {
        method,
        headers,
        ...(raw ? { body: raw } : body !== undefined ? { body: JSON.stringify(body) } : {}),
        signal: AbortSignal.timeout(raw ? UPLOAD_TIMEOUT_MS : REQUEST_TIMEOUT_MS),
      })
    } catch (err) {
      throw new ChatError(0, `cannot reach the server (${(err as Error).message})`)
    }
    if (response.ok) return response
    const error = (await response.json().catch(() => null)) as Partial<ErrorBody> | null
    // A proxy or a half-started server answers without our error shape: as good as offline.
    if (response.status >= 502 && !error?.error) throw new ChatError(0, `the server answered ${response.status}`)
    const message = typeof error?.message === 'string' ? error.message.slice(0, 500) : `HTTP ${response.status}`
    const reason = typeof error?.reason === 'string' ? error.reason : typeof error?.error === 'string' ? error.error : null
    throw new ChatError(response.status, message, reason, typeof error?.until === 'number' ? error.until : null)
  }
  const json = async <T>(method: string, path: string, body?: unknown): Promise<T> => (await (await send(method, path, body)).json()) as T
  const none = async (method: string, path: string, body?: unknown) => void (await send(method, path, body))
  const conv = (id: string) => `/conversations/${encodeURIComponent(id)}`
  const msg = (id: string) => `/messages/${encodeURIComponent(id)}`

  return {
    conversations: async () => checked<{ conversations: ConversationSummary[] }>(checkConversations, await json('GET', '/conversations'), 'conversation list').conversations,
    events: async (since) => checked<CatchUp>(checkCatchUp, await json('GET', `/events?since=${since}`), 'catch-up'),
    async history(id, { before, thread, limit }) {
      const q = new URLSearchParams()
      if (before !== undefined) q.set('before', String(before))
      if (thread) q.set('thread', thread)
      if (limit) q.set('limit', String(limit))
      return checked<MessagePage>(checkPage, await json('GET', `${conv(id)}/messages?${q}`), 'history page')
    },
    post: (id, body) => json('POST', `${conv(id)}/messages`, body),
    edit: (id, body) => json('PATCH', msg(id), { body }),
    remove: (id) => json('DELETE', msg(id)),
    react: (id, reaction, on) => json(on ? 'PUT' : 'DELETE', `${msg(id)}/reactions/${encodeURIComponent(reaction)}`),
    read: (id, seq) => none('PUT', `${conv(id)}/read`, { seq }),
    typing: (id) => none('POST', `${conv(id)}/typing`),
    createChannel: (body) => json('POST', '/channels', body),
    setArchived: (id, archived) => json('PATCH', `/channels/${encodeURIComponent(id)}`, { archived }),
    addMembers: (id, members) => json('POST', `${conv(id)}/members`, { members }),
    removeMember: (id, memberId) => none('DELETE', `${conv(id)}/members/${encodeURIComponent(memberId)}`),
    openDm: (members) => json('POST', '/dms', { members }),
    search: async (q, limit) => (await json<{ messages: Message[] }>('GET', `/search?${new URLSearchParams({ q, ...(limit ? { limit: String(limit) } : {}) })}`)).messages,
    upload: async (bytes, name) => (await (await send('POST', `/attachments?${new URLSearchParams({ name })}`, undefined, bytes)).json()) as Attachment,
    download: async (id) => (await send('GET', `/attachments/${encodeURIComponent(id)}`)).blob(),
  }
}
