/** "Bo Lee is typing…": from the lossy typing notices, kept for TYPING_SHOW_MS; the line is polite but brief. */
import { useEffect, useState } from 'react'
import { useFloor } from '../app/context.tsx'
import { typingIn } from '../stores/chat/selectors.ts'
import { useChat } from './hooks.ts'
import { memberName } from './names.ts'

export function TypingLine({ conversationId }: { conversationId: string }) {
  const typing = useChat((s) => s.typing[conversationId])
  const me = useChat((s) => s.meId)
  const members = useFloor((s) => s.members)
  const [now, setNow] = useState(() => Date.now())
  // Re-read the clock while someone is shown typing, so the line goes when their time is up.
  useEffect(() => {
    setNow(Date.now())
    if (!typing || Object.keys(typing).length === 0) return
    const timer = setInterval(() => setNow(Date.now()), 1_000)
    return () => clearInterval(timer)
  }, [typing])
  const who = typingIn({ typing: typing ? { [conversationId]: typing } : {}, meId: me }, conversationId, now).map((id) => memberName(members, id))
  const text = who.length === 0 ? '' : who.length === 1 ? `${who[0]} is typing…` : who.length <= 3 ? `${who.join(', ')} are typing…` : 'Several people are typing…'
  return <p className="chat-typing">{text}</p>
}
