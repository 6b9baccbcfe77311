/**
 * The room's chat inside the call panel, while one is in the room: folded by default (a call
 * needs its space), with the room chat's unread count on the button; unfolded, it is the open
 * conversation (read markers follow), in the same view as the Chat region shows.
 */
import { MessagesSquare } from 'lucide-react'
import { useEffect, useId, useState } from 'react'
import { roomConversationId } from '../../protocol/chat.ts'
import { ConversationView } from './ConversationView.tsx'
import { useChat, useChatService } from './hooks.ts'
import { unreadText } from './names.ts'
import './chat.css'

export function RoomChat({ roomId }: { roomId: string }) {
  const service = useChatService()
  const id = roomConversationId(roomId)
  const summary = useChat((s) => s.conversations[id])
  const [open, setOpen] = useState(false)
  const panel = useId()
  useEffect(() => {
    if (open) void service.open(id)
  }, [open, id, service])
  const unread = summary ? unreadText(summary) : ''
  return (
    <div className="chat-room">
      <button type="button" className="chat-room-toggle" aria-expanded={open} aria-controls={panel} aria-label={unread ? `Room chat, ${unread}` : 'Room chat'} onClick={() => setOpen(!open)}>
        <MessagesSquare size={14} aria-hidden="true" /> Room chat
        {summary && summary.unread > 0 && (
          <span className="chat-badge" aria-hidden="true">
            {summary.unread}
          </span>
        )}
      </button>
      <div id={panel} hidden={!open}>
        {open && (summary ? <ConversationView conversationId={id} compact /> : <p className="chat-empty">Loading the room's chat…</p>)}
      </div>
    </div>
  )
}
