/**
 * One message: who wrote it and when, its body (the safe Markdown subset), attachments, reactions,
 * its thread's reply count, and the actions on it (reply in thread, react, edit and delete one's own).
 */
import { memo, useState } from 'react'
import { useFloor, useSession } from '../app/context.tsx'
import type { Message } from '../../protocol/chat.ts'
import { Attachments } from './Attachments.tsx'
import { useChatService, usePeople } from './hooks.ts'
import { MessageActions } from './MessageActions.tsx'
import { MessageEditor } from './MessageEditor.tsx'
import { renderMarkdown } from './markdown/render.ts'
import { memberName, messageTime } from './names.ts'
import { ReactionChips } from './Reactions.tsx'

export const MessageItem = memo(function MessageItem({ message, inThread = false }: { message: Message; inThread?: boolean }) {
  const service = useChatService()
  const me = useSession((s) => s.me)
  const author = useFloor((s) => memberName(s.members, message.authorId))
  const people = usePeople()
  const [editing, setEditing] = useState(false)
  const mine = message.authorId === me?.id
  const host = me?.role === 'owner' || me?.role === 'host'
  const mentionsMe = !!me && !mine && (message.mentionsAll || message.mentions.includes(me.id))

  if (message.deleted) {
    return (
      <li className="chat-message chat-deleted" aria-label={`${author}: message deleted`}>
        <p>This message was deleted.</p>
        {!inThread && message.replies > 0 && <ThreadLink message={message} />}
      </li>
    )
  }
  return (
    <li className={`chat-message${mentionsMe ? ' chat-mentions-me' : ''}`} aria-label={`${author}, ${messageTime(message.createdAt)}${message.editedAt ? ', edited' : ''}`}>
      <header className="chat-message-head">
        <bdi className="chat-author">{author}</bdi> <time dateTime={new Date(message.createdAt).toISOString()}>{messageTime(message.createdAt)}</time>
        {message.editedAt !== null && <span className="chat-edited"> (edited)</span>}
      </header>
      {editing ? (
        <MessageEditor
          initial={message.body}
          onCancel={() => setEditing(false)}
          onSave={async (body) => {
            await service.edit(message.id, body)
            setEditing(false)
          }}
        />
      ) : (
        <div className="chat-body">{renderMarkdown(message.body, { people, me: me?.id ?? null })}</div>
      )}
      {message.attachments.length > 0 && <Attachments attachments={message.attachments} />}
      <ReactionChips message={message} />
      {!inThread && message.replies > 0 && <ThreadLink message={message} />}
      {!editing && <MessageActions message={message} canEdit={mine} canDelete={mine || host} canReply={!inThread} onEdit={() => setEditing(true)} />}
    </li>
  )
})

function ThreadLink({ message }: { message: Message }) {
  const service = useChatService()
  const n = message.replies
  return (
    <button type="button" className="chat-thread-link link" onClick={() => void service.openThread(message.id)}>
      {n} {n === 1 ? 'reply' : 'replies'}
    </button>
  )
}
