/** A message written here that the server has not accepted yet: "Sending…", or "Not sent — <reason>" with Retry. */
import { useSession } from '../app/context.tsx'
import type { ChatOutboxItem } from '../stores/chat/store.ts'
import { useChatService, usePeople } from './hooks.ts'
import { renderMarkdown } from './markdown/render.ts'

export function Pending({ item }: { item: ChatOutboxItem }) {
  const service = useChatService()
  const me = useSession((s) => s.me)
  const people = usePeople()
  return (
    <li className={`chat-message chat-pending${item.error ? ' chat-not-sent' : ''}`} aria-label={`${me?.name ?? 'You'}, ${item.error ? 'not sent' : 'sending'}`}>
      <header className="chat-message-head">
        <bdi className="chat-author">{me?.name ?? 'You'}</bdi>
      </header>
      <div className="chat-body">{renderMarkdown(item.body, { people, me: me?.id ?? null })}</div>
      {item.attachments && item.attachments.length > 0 && <p className="where">{item.attachments.map((a) => a.name).join(', ')}</p>}
      {item.error ? (
        <p className="chat-error-line">
          <span role="alert">Not sent — {item.error}</span>{' '}
          <button type="button" onClick={() => void service.retry(item.clientId)}>
            Retry
          </button>{' '}
          <button type="button" onClick={() => void service.discard(item.clientId)}>
            Discard
          </button>
        </p>
      ) : (
        <p className="where">Sending…</p>
      )}
    </li>
  )
}
