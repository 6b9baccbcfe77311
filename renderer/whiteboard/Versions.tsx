/** A whiteboard's saved versions (when, by whom, how many shapes), each of which can be brought back. */
import { useState } from 'react'
import type { Element } from '../../protocol/whiteboard.ts'
import { useFloor } from '../app/context.tsx'
import { displayName } from '../stores/presence/selectors.ts'
import type { BoardVersion, WhiteboardApi } from './whiteboard-api.ts'

const time = (ms: number) => new Date(ms).toLocaleString(undefined, { dateStyle: 'short', timeStyle: 'short' })

export function Versions({ api, roomId, onRestore }: { api: WhiteboardApi; roomId: string; onRestore(elements: Element[]): void }) {
  const members = useFloor((s) => s.members)
  const [versions, setVersions] = useState<BoardVersion[] | null>(null)
  const [error, setError] = useState<string | null>(null)
  const load = () => void api.versions(roomId).then(setVersions, (err: Error) => setError(`Could not list the versions: ${err.message}`))
  const bring = (v: number) => void api.version(roomId, v).then((b) => onRestore(b.elements), (err: Error) => setError(`Could not open version ${v}: ${err.message}`))
  return (
    <details className="whiteboard-versions" onToggle={(e) => (e.currentTarget.open ? load() : setVersions(null))}>
      <summary>Versions</summary>
      {error && <p role="alert">{error}</p>}
      {versions && versions.length === 0 && <p>Nothing saved yet.</p>}
      {versions && versions.length > 0 && (
        <ol aria-label="Saved versions">
          {versions.map((v) => (
            <li key={v.version}>
              <span>
                {time(v.savedAt)}, {v.savedBy ? displayName(members, v.savedBy) : 'someone'}, {v.elements} {v.elements === 1 ? 'shape' : 'shapes'}
              </span>
              <button type="button" aria-label={`Bring back version ${v.version}, saved ${time(v.savedAt)}`} onClick={() => bring(v.version)}>
                Bring back
              </button>
            </li>
          ))}
        </ol>
      )}
    </details>
  )
}
