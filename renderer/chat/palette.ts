/**
 * The quick finder's (Ctrl+K) part of the chat: channels and DMs whose name matches, each with
 * "Open" (which also shows the Chat region). Room chats are found through their rooms.
 */
import type { Member } from '../../protocol/api.ts'
import type { ConversationSummary } from '../../protocol/chat.ts'
import type { ChatService } from '../services/chat/types.ts'
import { conversationName, unreadText } from './names.ts'
import { showChat } from './show.ts'

export interface ConversationResult {
  key: string
  label: string
  detail: string
  actions: { label: string; run(chat: ChatService): () => void }[]
}

/** Opens a conversation and shows the Chat region. */
export const openChat = (chat: ChatService, id: string) => () => {
  showChat()
  void chat.open(id)
}

export function conversationResults(
  conversations: Readonly<Record<string, ConversationSummary>>,
  members: Readonly<Record<string, Member>>,
  me: string | null,
  match: (name: string) => boolean,
): ConversationResult[] {
  return Object.values(conversations)
    .filter((c) => c.kind !== 'room')
    .map((c) => ({ c, name: conversationName(c, members, me) }))
    .filter(({ c, name }) => match(name) || (c.kind === 'channel' && match(c.name)))
    .sort((a, b) => b.c.unread - a.c.unread || a.name.localeCompare(b.name))
    .map(({ c, name }) => {
      const kind = c.kind === 'dm' ? 'direct message' : c.private ? 'private channel' : 'channel'
      const detail = [kind, c.kind === 'channel' && !c.joined ? 'not joined' : '', unreadText(c)].filter(Boolean).join(', ')
      return { key: c.id, label: name, detail, actions: [{ label: `Open ${name}`, run: (chat: ChatService) => openChat(chat, c.id) }] }
    })
}
