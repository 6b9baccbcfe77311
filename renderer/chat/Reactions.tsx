/** The reactions on a message: one toggle per reaction used, saying who reacted; mine is pressed. */
import { useFloor } from '../app/context.tsx'
import { messageReactions, type Message, type MessageReaction } from '../../protocol/chat.ts'
import { failure, useChat, useChatService } from './hooks.ts'
import { memberName } from './names.ts'
import { useState } from 'react'

export function ReactionChips({ message }: { message: Message }) {
  const service = useChatService()
  const me = useChat((s) => s.meId)
  const members = useFloor((s) => s.members)
  const [error, setError] = useState<string | null>(null)
  // Only the fixed set is shown, in its order: a reaction outside it is not the server's.
  const used = messageReactions.filter((r) => (message.reactions[r]?.length ?? 0) > 0)
  if (used.length === 0) return null
  const toggle = (r: MessageReaction, on: boolean) => void service.react(message.id, r, on).then(() => setError(null), (err: unknown) => setError(failure(err)))
  return (
    <div className="chat-reactions">
      {used.map((r) => {
        const who = message.reactions[r]!
        const mine = !!me && who.includes(me)
        const names = who.map((id) => (id === me ? 'you' : memberName(members, id))).join(', ')
        return (
          <button key={r} type="button" className="chat-reaction" aria-pressed={mine} aria-label={`${r} ${who.length}: ${names}`} title={names} onClick={() => toggle(r, !mine)}>
            {r} {who.length}
          </button>
        )
      })}
      {error && <span role="alert" className="form-error">{error}</span>}
    </div>
  )
}
