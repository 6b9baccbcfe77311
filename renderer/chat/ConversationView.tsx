/**
 * One open conversation: its name and what one can do with it (join, leave, archive; add people to
 * a private channel), its messages, who is typing, and the Message box — or why one cannot write.
 */
import { Archive, LogIn, LogOut, UserPlus, X } from 'lucide-react'
import { useState } from 'react'
import { useFloor, useSession } from '../app/context.tsx'
import { canPost, messagesOf } from '../stores/chat/selectors.ts'
import { AddPeopleDialog } from './AddPeopleDialog.tsx'
import { Composer } from './Composer.tsx'
import { failure, useChat, useChatService } from './hooks.ts'
import { MessageList } from './MessageList.tsx'
import { conversationName } from './names.ts'
import { TypingLine } from './TypingLine.tsx'

export function ConversationView({ conversationId, compact = false, onClose }: { conversationId: string; compact?: boolean; onClose?: () => void }) {
  const service = useChatService()
  const c = useChat((s) => s.conversations[conversationId])
  const messages = useChat((s) => messagesOf(s, conversationId))
  const members = useFloor((s) => s.members)
  const me = useSession((s) => s.me)
  const [error, setError] = useState<string | null>(null)
  const [adding, setAdding] = useState(false)
  if (!c) return <p className="chat-empty">This conversation is no longer available.</p>
  const name = conversationName(c, members, me?.id ?? null)
  const host = me?.role === 'owner' || me?.role === 'host'
  const act = (run: () => Promise<unknown>) => void run().then(() => setError(null), (err: unknown) => setError(failure(err)))

  return (
    <section className="chat-view" aria-label={compact ? `Chat in ${name}` : name}>
      {!compact && (
        <header className="chat-view-head">
          <h2>
            <bdi>{name}</bdi>
          </h2>
          {c.kind === 'channel' && c.private && <span className="where">private</span>}
          {c.archived && <span className="where">archived</span>}
          <span className="chat-view-tools">
            {c.kind === 'channel' && c.private && c.joined && !c.archived && (
              <button type="button" onClick={() => setAdding(true)}>
                <UserPlus size={14} aria-hidden="true" /> Add people
              </button>
            )}
            {c.kind === 'channel' && c.joined && c.name !== 'general' && (
              <button type="button" onClick={() => act(() => service.leave(c.id))}>
                <LogOut size={14} aria-hidden="true" /> Leave
              </button>
            )}
            {c.kind === 'channel' && host && (
              <button type="button" onClick={() => act(() => service.setArchived(c.id, !c.archived))}>
                <Archive size={14} aria-hidden="true" /> {c.archived ? 'Unarchive' : 'Archive'}
              </button>
            )}
            {onClose && (
              <button type="button" aria-label="Close conversation" onClick={onClose}>
                <X size={14} aria-hidden="true" />
              </button>
            )}
          </span>
        </header>
      )}
      {error && <p role="alert" className="form-error">{error}</p>}
      {adding && <AddPeopleDialog channel={c} name={name} onClose={() => setAdding(false)} />}
      <MessageList conversationId={c.id} messages={messages} label={`Messages in ${name}`} />
      <TypingLine conversationId={c.id} />
      {canPost(c) ? (
        <Composer conversationId={c.id} />
      ) : c.archived ? (
        <p className="chat-note">This channel is archived: it can be read, not written in.</p>
      ) : (
        <p className="chat-note">
          You are not in <bdi>{name}</bdi> yet.{' '}
          <button type="button" onClick={() => act(() => service.join(c.id))}>
            <LogIn size={14} aria-hidden="true" /> Join {name}
          </button>
        </p>
      )}
    </section>
  )
}
