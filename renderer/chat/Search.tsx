/** Searching messages across the conversations one can read: the results, newest first, open where they were said. */
import { Search as SearchIcon } from 'lucide-react'
import { useState } from 'react'
import { useFloor, useSession } from '../app/context.tsx'
import type { Message } from '../../protocol/chat.ts'
import { failure, useChat, useChatService, usePeople } from './hooks.ts'
import { renderMarkdown } from './markdown/render.ts'
import { conversationName, memberName, messageTime } from './names.ts'

export function SearchBox({ onResults }: { onResults(results: { query: string; messages: Message[] } | null): void }) {
  const service = useChatService()
  const [query, setQuery] = useState('')
  const [error, setError] = useState<string | null>(null)
  const run = async () => {
    const q = query.trim()
    if (!q) return onResults(null)
    try {
      onResults({ query: q, messages: await service.search(q, 50) })
      setError(null)
    } catch (err) {
      setError(failure(err))
    }
  }
  return (
    <form
      role="search"
      className="chat-search"
      onSubmit={(e) => {
        e.preventDefault()
        void run()
      }}
    >
      <input
        type="search"
        aria-label="Search messages"
        placeholder="Search messages"
        maxLength={200}
        value={query}
        onChange={(e) => {
          setQuery(e.target.value)
          if (!e.target.value) onResults(null)
        }}
      />
      <button type="submit" aria-label="Search">
        <SearchIcon size={14} aria-hidden="true" />
      </button>
      {error && <p role="alert" className="form-error">{error}</p>}
    </form>
  )
}

export function SearchResults({ query, messages, onDone }: { query: string; messages: readonly Message[]; onDone(): void }) {
  const service = useChatService()
  const conversations = useChat((s) => s.conversations)
  const members = useFloor((s) => s.members)
  const me = useSession((s) => s.me?.id ?? null)
  const people = usePeople()
  const go = (m: Message) => {
    void service.open(m.conversationId).then(() => (m.threadId ? service.openThread(m.threadId, m.conversationId) : undefined))
    onDone()
  }
  return (
    <section className="chat-view chat-results" aria-label="Search results">
      <header className="chat-view-head">
        <h2>
          Results for “<bdi>{query}</bdi>”
        </h2>
        <span className="chat-view-tools">
          <button type="button" onClick={onDone}>
            Close search
          </button>
        </span>
      </header>
      <p role="status" className="where">
        {messages.length === 0 ? 'No messages found.' : `${messages.length} ${messages.length === 1 ? 'message' : 'messages'} found.`}
      </p>
      <ol className="chat-messages chat-scroll" aria-label={`Messages matching ${query}`}>
        {messages.map((m) => {
          const c = conversations[m.conversationId]
          const where = c ? conversationName(c, members, me) : 'a conversation'
          return (
            <li key={m.id} className="chat-message">
              <header className="chat-message-head">
                <bdi className="chat-author">{memberName(members, m.authorId)}</bdi> in <bdi>{where}</bdi> · {messageTime(m.createdAt)}
              </header>
              <div className="chat-body">{renderMarkdown(m.body, { people, me })}</div>
              <button type="button" className="link" onClick={() => go(m)}>
                Open in <bdi>{where}</bdi>
              </button>
            </li>
          )
        })}
      </ol>
    </section>
  )
}
