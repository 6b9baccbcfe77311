/**
 * The messages of a conversation or a thread, oldest first, then what is still being sent. Keeps
 * to the newest while the reader is there, offers older history, and announces new messages by
 * others politely (one live region; the list itself is not live, so a page of history is not read out).
 */
import { useEffect, useLayoutEffect, useRef, useState } from 'react'
import { useFloor } from '../app/context.tsx'
import type { Message } from '../../protocol/chat.ts'
import { outboxOf } from '../stores/chat/selectors.ts'
import { failure, useChat, useChatService } from './hooks.ts'
import { MessageItem } from './MessageItem.tsx'
import { memberName } from './names.ts'
import { Pending } from './Pending.tsx'
import { useShallow } from 'zustand/shallow'

interface Props {
  conversationId: string
  /** A thread's parent id: its replies (the parent is shown above by the thread panel). */
  threadId?: string | null
  messages: readonly Message[]
  label: string
}

/** Near enough to the end (px) to count as reading the newest. */
const AT_END = 48

export function MessageList({ conversationId, threadId = null, messages, label }: Props) {
  const service = useChatService()
  const pending = useChat(useShallow((s) => outboxOf(s, conversationId, threadId)))
  const more = useChat((s) => s.more[threadId ?? conversationId] ?? false)
  const me = useChat((s) => s.meId)
  const members = useFloor((s) => s.members)
  const scroller = useRef<HTMLDivElement>(null)
  const atEnd = useRef(true)
  const [announce, setAnnounce] = useState('')
  const [loading, setLoading] = useState(false)
  const [error, setError] = useState<string | null>(null)

  // New messages by others (not history, not edits) are announced; mine are not, I know them.
  const seen = useRef<{ key: string; ids: Set<string> } | null>(null)
  const key = threadId ?? conversationId
  useEffect(() => {
    const before = seen.current
    seen.current = { key, ids: new Set(messages.map((m) => m.id)) }
    // Opening another conversation shows its history: nothing to announce.
    if (!before || before.key !== key) return
    const fresh = messages.filter((m) => !before.ids.has(m.id) && m.authorId !== me && !m.deleted && m.createdAt >= Date.now() - 60_000)
    const last = fresh[fresh.length - 1]
    if (last) setAnnounce(`${memberName(members, last.authorId)}: ${last.body.slice(0, 300)}`)
  }, [messages, key, me, members])

  useLayoutEffect(() => {
    const el = scroller.current
    if (el && atEnd.current) el.scrollTop = el.scrollHeight
  }, [messages, pending])
  useLayoutEffect(() => void (atEnd.current = true), [conversationId, threadId])

  const older = async () => {
    setLoading(true)
    try {
      await service.loadOlder(conversationId, threadId)
      setError(null)
    } catch (err) {
      setError(failure(err))
    } finally {
      setLoading(false)
    }
  }

  return (
    <div
      className="chat-scroll"
      ref={scroller}
      onScroll={(e) => {
        const el = e.currentTarget
        atEnd.current = el.scrollHeight - el.scrollTop - el.clientHeight < AT_END
      }}
    >
      {more && (
        <button type="button" className="chat-older" onClick={() => void older()} disabled={loading}>
          {loading ? 'Loading…' : 'Show older messages'}
        </button>
      )}
      {error && <p role="alert" className="form-error">{error}</p>}
      {messages.length === 0 && pending.length === 0 && <p className="chat-empty">{threadId ? 'No replies yet.' : 'No messages yet. Say hello!'}</p>}
      <ol className="chat-messages" aria-label={label}>
        {messages.map((m) => (
          <MessageItem key={m.id} message={m} inThread={threadId !== null} />
        ))}
        {pending.map((item) => (
          <Pending key={item.clientId} item={item} />
        ))}
      </ol>
      <p className="visually-hidden" aria-live="polite" aria-atomic="true">
        {announce}
      </p>
    </div>
  )
}
