/**
 * The list named **Conversations**: channels, room chats (the current room first) and DMs, each a
 * button that opens it, with an unread badge whose text a screen reader hears in the button's name.
 */
import { Hash, Lock, MessagesSquare, Users } from 'lucide-react'
import { useMemo } from 'react'
import { useFloor, usePresence, useSession } from '../app/context.tsx'
import { sortedConversations } from '../stores/chat/selectors.ts'
import { useChat, useChatService } from './hooks.ts'
import { conversationName, kindLabel, unreadText } from './names.ts'
import { showChat } from './show.ts'

export function ConversationList() {
  const service = useChatService()
  const conversations = useChat((s) => s.conversations)
  const openId = useChat((s) => s.openId)
  const room = usePresence((s) => s.self.room)
  const members = useFloor((s) => s.members)
  const me = useSession((s) => s.me?.id ?? null)
  const list = useMemo(() => sortedConversations({ conversations }, room), [conversations, room])

  return (
    <ul className="chat-conversations" aria-label="Conversations">
      {list.map((c, i) => {
        const name = conversationName(c, members, me)
        const unread = unreadText(c)
        const state = [c.kind === 'channel' && !c.joined ? 'not joined' : '', c.archived ? 'archived' : '', unread].filter(Boolean).join(', ')
        const Icon = c.kind === 'dm' ? Users : c.kind === 'room' ? MessagesSquare : c.private ? Lock : Hash
        return (
          <li key={c.id}>
            {/* A visible heading over each kind's first item, for sighted people; the name says enough otherwise. */}
            {list[i - 1]?.kind !== c.kind && (
              <span className="chat-group" aria-hidden="true">
                {kindLabel[c.kind]}
              </span>
            )}
            <button
              type="button"
              className={`chat-conversation-button${c.unread > 0 ? ' chat-unread' : ''}${c.joined || c.kind !== 'channel' ? '' : ' chat-not-joined'}`}
              aria-current={c.id === openId ? 'true' : undefined}
              aria-label={state ? `${name}, ${state}` : name}
              onClick={() => (void service.open(c.id), showChat())}
            >
              <Icon size={14} aria-hidden="true" />
              <bdi className="chat-conversation-name">{c.kind === 'channel' ? c.name : name}</bdi>
              {c.unread > 0 && (
                <span className={`chat-badge${c.mentions > 0 ? ' chat-badge-mention' : ''}`} aria-hidden="true">
                  {c.mentions > 0 ? `@ ${c.unread}` : c.unread}
                </span>
              )}
            </button>
          </li>
        )
      })}
    </ul>
  )
}
