/** One person's board entry, read-only: their line (a link when they gave one), since when, and their tasks. */
import type { BoardEntry } from '../../protocol/board.ts'
import { STATUS_LABELS, dueText, sinceText } from './format.ts'

export function EntryView({ entry, name }: { entry: BoardEntry | undefined; name: string }) {
  if (!entry || (!entry.text && entry.tasks.length === 0)) return <p className="board-quiet">Nothing on the board yet</p>
  return (
    <div className="board-entry">
      {entry.text && (
        <p className="board-line">
          {entry.link ? (
            <a href={entry.link} target="_blank" rel="noopener noreferrer">
              <bdi>{entry.text}</bdi>
            </a>
          ) : (
            <bdi>{entry.text}</bdi>
          )}{' '}
          <span className="board-since">since {sinceText(entry.since)}</span>
        </p>
      )}
      {entry.tasks.length > 0 && (
        <ul className="board-tasks" aria-label={`Tasks of ${name}`}>
          {entry.tasks.map((t, i) => (
            <li key={i} data-status={t.status}>
              <span className="board-status">{STATUS_LABELS[t.status]}</span> <bdi>{t.title}</bdi>
              {t.due && <span className="board-due"> · due {dueText(t.due)}</span>}
            </li>
          ))}
        </ul>
      )}
    </div>
  )
}
