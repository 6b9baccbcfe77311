/** The thread panel: the message replied to, its replies, and a box to reply in the thread. */
import { X } from 'lucide-react'
import { useEffect, useRef } from 'react'
import type { Message } from '../../protocol/chat.ts'
import { canPost, repliesOf } from '../stores/chat/selectors.ts'
import { Composer } from './Composer.tsx'
import { useChat, useChatService } from './hooks.ts'
import { MessageItem } from './MessageItem.tsx'
import { MessageList } from './MessageList.tsx'

export function ThreadPanel({ parentId }: { parentId: string }) {
  const service = useChatService()
  const parent = useChat((s) => findMessage(s.messages, parentId) ?? s.parents[parentId])
  const replies = useChat((s) => repliesOf(s, parentId))
  const conversation = useChat((s) => (parent ? s.conversations[parent.conversationId] : undefined))
  const close = useRef<HTMLButtonElement>(null)
  useEffect(() => close.current?.focus(), [parentId])
  if (!parent) return null
  return (
    <section className="chat-thread" aria-label="Thread" onKeyDown={(e) => e.key === 'Escape' && void service.openThread(null)}>
      <header className="chat-view-head">
        <h2>Thread</h2>
        <span className="chat-view-tools">
          <button ref={close} type="button" aria-label="Close thread" onClick={() => void service.openThread(null)}>
            <X size={14} aria-hidden="true" />
          </button>
        </span>
      </header>
      <ol className="chat-messages chat-thread-parent" aria-label="Replied to">
        <MessageItem message={parent} inThread />
      </ol>
      <MessageList conversationId={parent.conversationId} threadId={parent.id} messages={replies} label="Replies" />
      {canPost(conversation) && !parent.deleted && <Composer conversationId={parent.conversationId} threadId={parent.id} label="Reply in thread" />}
    </section>
  )
}

const findMessage = (messages: Readonly<Record<string, readonly Message[]>>, id: string): Message | undefined => {
  for (const list of Object.values(messages)) {
    const found = list.find((m) => m.id === id)
    if (found) return found
  }
  return undefined
}
