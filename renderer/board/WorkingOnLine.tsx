/** Issue 14: a person's working-on line on their card on the floor (from the board store; nothing when they have none). */
import { useBoard } from './board-store.ts'
import { sinceText } from './format.ts'
import './board.css'

export function WorkingOnLine({ id }: { id: string }) {
  const entry = useBoard((s) => s.entries[id])
  if (!entry?.text) return null
  return (
    <p className="working-on-line">
      Working on:{' '}
      {entry.link ? (
        <a href={entry.link} target="_blank" rel="noopener noreferrer">
          <bdi>{entry.text}</bdi>
        </a>
      ) : (
        <bdi>{entry.text}</bdi>
      )}{' '}
      <span className="board-since">since {sinceText(entry.since)}</span>
    </p>
  )
}
