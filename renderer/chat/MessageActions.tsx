/**
 * The actions on one message, shown on hover and on keyboard focus: reply in its thread, add a
 * reaction (the fixed set), edit and delete (one's own; hosts may delete any). Deleting asks once.
 */
import { Pencil, Reply, SmilePlus, Trash2 } from 'lucide-react'
import { useState } from 'react'
import { messageReactions, type Message } from '../../protocol/chat.ts'
import { failure, useChat, useChatService } from './hooks.ts'

interface Props {
  message: Message
  canEdit: boolean
  canDelete: boolean
  canReply: boolean
  onEdit(): void
}

export function MessageActions({ message, canEdit, canDelete, canReply, onEdit }: Props) {
  const service = useChatService()
  const me = useChat((s) => s.meId)
  const [picking, setPicking] = useState(false)
  const [confirming, setConfirming] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const act = (run: () => Promise<unknown>) => void run().then(() => setError(null), (err: unknown) => setError(failure(err)))

  return (
    <div className="chat-actions">
      <div className="chat-actions-bar" role="toolbar" aria-label="Message actions">
        {canReply && (
          <button type="button" aria-label="Reply in thread" title="Reply in thread" onClick={() => void service.openThread(message.id)}>
            <Reply size={14} aria-hidden="true" />
          </button>
        )}
        <button type="button" aria-label="Add reaction" title="Add reaction" aria-expanded={picking} onClick={() => setPicking(!picking)}>
          <SmilePlus size={14} aria-hidden="true" />
        </button>
        {canEdit && (
          <button type="button" aria-label="Edit message" title="Edit" onClick={onEdit}>
            <Pencil size={14} aria-hidden="true" />
          </button>
        )}
        {canDelete && (
          <button type="button" aria-label="Delete message" title="Delete" onClick={() => setConfirming(true)}>
            <Trash2 size={14} aria-hidden="true" />
          </button>
        )}
      </div>
      {picking && (
        <div className="chat-reaction-picker" role="group" aria-label="Reactions" onKeyDown={(e) => e.key === 'Escape' && setPicking(false)}>
          {messageReactions.map((r, i) => {
            const mine = !!me && (message.reactions[r] ?? []).includes(me)
            return (
              <button key={r} type="button" autoFocus={i === 0} aria-label={`React with ${r}`} aria-pressed={mine} onClick={() => (setPicking(false), act(() => service.react(message.id, r, !mine)))}>
                {r}
              </button>
            )
          })}
        </div>
      )}
      {confirming && (
        <div className="chat-confirm" role="group" aria-label="Delete this message?">
          <span>Delete this message?</span>
          <button type="button" autoFocus className="chat-danger" onClick={() => (setConfirming(false), act(() => service.remove(message.id)))}>
            Delete
          </button>
          <button type="button" onClick={() => setConfirming(false)}>
            Cancel
          </button>
        </div>
      )}
      {error && (
        <p role="alert" className="form-error">
          {error}
        </p>
      )}
    </div>
  )
}
