/**
 * The chat's mount in the office screen, loaded on demand like the rest of the chat (the start-up
 * bundle has a budget: test/e2e/startup-bundle.test.ts): the top bar's Chat button, with the
 * unread total, and the Chat region it shows in the office body's third column. The region goes
 * there through a portal, so that the screen's own start-up code holds only this lazy mount.
 */
import { Suspense, useEffect, useState, type RefObject } from 'react'
import { lazyPart } from '../ui/lazy-part.ts'
import { createPortal } from 'react-dom'
import { useStore } from 'zustand'
import { useComposition } from '../app/context.tsx'
import { SHOW_CHAT_EVENT } from './show.ts'
import './chat.css'

const ChatRegion = lazyPart(() => import('./ChatRegion.tsx').then((m) => ({ default: m.ChatRegion })))

export function ChatMount({ body }: { body: RefObject<HTMLElement | null> }) {
  const [shown, setShown] = useState(false)
  // Others ask for the region with showChat() (./show.ts): the quick finder, a room's chat.
  useEffect(() => {
    const show = () => setShown(true)
    window.addEventListener(SHOW_CHAT_EVENT, show)
    return () => window.removeEventListener(SHOW_CHAT_EVENT, show)
  }, [])
  const unread = useStore(useComposition().stores.chat, (s) => Object.values(s.conversations).reduce((n, c) => n + (c.joined ? c.unread : 0), 0))
  return (
    <>
      <button type="button" aria-expanded={shown} aria-label={unread > 0 ? `Chat, ${unread} unread` : 'Chat'} onClick={() => setShown(!shown)}>
        Chat
        {unread > 0 && (
          <span className="chat-total" aria-hidden="true">
            {unread}
          </span>
        )}
      </button>
      {shown &&
        body.current &&
        createPortal(
          <Suspense fallback={null}>
            <ChatRegion onClose={() => setShown(false)} />
          </Suspense>,
          body.current,
        )}
    </>
  )
}
