/**
 * The region named **Chat** (loaded on demand: nothing of it is in the start-up bundle): search,
 * new channel (hosts) and new message, the Conversations list, the open conversation and its
 * thread. Alt+Up and Alt+Down move between conversations from anywhere in the office.
 */
import { Hash, MessageSquarePlus, X } from 'lucide-react'
import { useEffect, useState } from 'react'
import { useComposition, usePresence, useSession } from '../app/context.tsx'
import type { Message } from '../../protocol/chat.ts'
import { neighbour } from '../stores/chat/selectors.ts'
import { ConversationList } from './ConversationList.tsx'
import { ConversationView } from './ConversationView.tsx'
import { useChat, useChatService } from './hooks.ts'
import { NewChannelDialog } from './NewChannelDialog.tsx'
import { NewDmDialog } from './NewDmDialog.tsx'
import { SearchBox, SearchResults } from './Search.tsx'
import { ThreadPanel } from './ThreadPanel.tsx'
import './chat.css'

export function ChatRegion({ onClose }: { onClose?: () => void }) {
  const openId = useChat((s) => s.openId)
  const threadId = useChat((s) => s.openThreadId)
  const sync = useChat((s) => s.sync)
  const role = useSession((s) => s.me?.role)
  const [results, setResults] = useState<{ query: string; messages: Message[] } | null>(null)
  const [dialog, setDialog] = useState<'channel' | 'dm' | null>(null)
  useConversationKeys()
  const host = role === 'owner' || role === 'host'

  return (
    <section className="chat" role="region" aria-label="Chat">
      <div className="chat-nav">
        <div className="chat-nav-head">
          <h2>Chat</h2>
          {sync === 'offline' && <span className="where">offline</span>}
          {onClose && (
            <button type="button" aria-label="Hide chat" onClick={onClose}>
              <X size={14} aria-hidden="true" />
            </button>
          )}
        </div>
        <SearchBox onResults={setResults} />
        <div className="chat-row">
          {host && (
            <button type="button" onClick={() => setDialog('channel')}>
              <Hash size={14} aria-hidden="true" /> New channel
            </button>
          )}
          {role !== 'guest' && (
            <button type="button" onClick={() => setDialog('dm')}>
              <MessageSquarePlus size={14} aria-hidden="true" /> New message
            </button>
          )}
        </div>
        <ConversationList />
      </div>
      <div className="chat-main">
        {results ? (
          <SearchResults query={results.query} messages={results.messages} onDone={() => setResults(null)} />
        ) : openId ? (
          <ConversationView key={openId} conversationId={openId} />
        ) : (
          <p className="chat-empty">Pick a conversation.</p>
        )}
        {/* Over the conversation, which stays as it was (its scroll, its draft) for when the thread closes. */}
        {threadId && !results && <ThreadPanel parentId={threadId} />}
      </div>
      {dialog === 'channel' && <NewChannelDialog onClose={() => setDialog(null)} />}
      {dialog === 'dm' && <NewDmDialog onClose={() => setDialog(null)} />}
    </section>
  )
}

/** Alt+Up / Alt+Down: the previous or next conversation in the list's order. */
function useConversationKeys() {
  const service = useChatService()
  const chat = useComposition().stores.chat
  const room = usePresence((s) => s.self.room)
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (!e.altKey || e.ctrlKey || e.metaKey || (e.key !== 'ArrowUp' && e.key !== 'ArrowDown')) return
      const next = neighbour(chat.getState(), e.key === 'ArrowUp' ? -1 : 1, room)
      if (!next) return
      e.preventDefault()
      void service.open(next)
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [chat, service, room])
}
