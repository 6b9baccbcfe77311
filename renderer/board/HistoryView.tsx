/** A member's board history (the server keeps their last changes), newest first: read when opened, and again after each change the board hears of. */
import { useEffect, useRef, useState } from 'react'
import type { BoardChange } from '../../protocol/board.ts'
import { describeError } from '../ui/errors.ts'
import type { BoardApi } from './board-api.ts'
import { useBoard } from './board-store.ts'
import { STATUS_LABELS, sinceText } from './format.ts'

export function HistoryView({ api, memberId, name, onClose }: { api: BoardApi; memberId: string; name: string; onClose(): void }) {
  const [changes, setChanges] = useState<BoardChange[] | null>(null)
  const [error, setError] = useState<string | null>(null)
  const close = useRef<HTMLButtonElement>(null)
  const changed = useBoard((s) => s.entries[memberId]?.updatedAt ?? 0)
  useEffect(() => close.current?.focus(), [memberId])
  useEffect(() => {
    let live = true
    api.history(memberId).then((c) => live && setChanges(c), (err: unknown) => live && setError(describeError(err)))
    return () => {
      live = false
    }
  }, [api, memberId, changed])
  return (
    <section className="board-history" aria-label={`Board history of ${name}`} onKeyDown={(e) => e.key === 'Escape' && (e.stopPropagation(), onClose())}>
      <header className="board-header">
        <h3>
          History of <bdi>{name}</bdi>
        </h3>
        <button ref={close} type="button" aria-label={`Close the history of ${name}`} onClick={onClose}>
          ×
        </button>
      </header>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      {changes?.length === 0 && <p className="board-quiet">No changes yet</p>}
      {changes && changes.length > 0 && (
        <ol className="board-history-list">
          {changes.map((c, i) => (
            <li key={i}>
              <time dateTime={new Date(c.at).toISOString()}>{sinceText(c.at)}</time>{' '}
              {c.kind === 'line' ? (
                <>
                  Working on: <bdi>{c.text || '(cleared)'}</bdi>
                </>
              ) : (
                <>Tasks: {c.tasks.length === 0 ? 'none' : c.tasks.map((t) => `${t.title} (${STATUS_LABELS[t.status]})`).join(', ')}</>
              )}
            </li>
          ))}
        </ol>
      )}
    </section>
  )
}
