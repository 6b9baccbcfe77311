/**
 * The Board region: your own line and tasks to edit, then everyone on the board grouped by
 * company or by floor, each with their line, tasks and history. Live: the board store follows
 * the server's notices.
 */
import { useMemo, useState } from 'react'
import { useFloor, useSession } from '../app/context.tsx'
import { useCompanies } from '../companies/companies-store.ts'
import { displayName } from '../stores/presence/selectors.ts'
import type { BoardApi } from './board-api.ts'
import { useBoard } from './board-store.ts'
import { EntryView } from './EntryView.tsx'
import { groupPeople, type Grouping } from './grouping.ts'
import { HistoryView } from './HistoryView.tsx'
import { MyLineEditor } from './MyLineEditor.tsx'
import { MyTasksEditor } from './MyTasksEditor.tsx'

export function BoardRegion({ api, onClose }: { api: BoardApi; onClose(): void }) {
  const meId = useSession((s) => s.me?.id ?? null)
  const members = useFloor((s) => s.members)
  const floors = useFloor((s) => s.floors)
  const companies = useCompanies((s) => s.companies)
  const entries = useBoard((s) => s.entries)
  const [by, setBy] = useState<Grouping>(() => (companies.length > 0 ? 'company' : 'floor'))
  const [history, setHistory] = useState<string | null>(null)
  const groups = useMemo(() => groupPeople(Object.values(members), by, companies, floors), [members, by, companies, floors])
  const mine = meId ? entries[meId] : undefined
  return (
    <section className="board" role="region" aria-label="Board">
      <header className="board-header">
        <h2>Board</h2>
        <button type="button" aria-label="Hide the board" onClick={onClose}>
          ×
        </button>
      </header>
      {meId && (
        <div className="board-mine">
          <MyLineEditor api={api} entry={mine} />
          <MyTasksEditor api={api} tasks={mine?.tasks ?? []} />
        </div>
      )}
      <fieldset className="board-grouping">
        <legend>Group by</legend>
        {(['company', 'floor'] as const).map((g) => (
          <label key={g}>
            <input type="radio" name="board-grouping" value={g} checked={by === g} onChange={() => setBy(g)} /> {g === 'company' ? 'Company' : 'Floor'}
          </label>
        ))}
      </fieldset>
      {groups.map((g) => (
        <div key={g.key || 'none'} className="board-group" role="group" aria-label={g.name}>
          <h3>
            <bdi>{g.name}</bdi>
          </h3>
          <ul className="board-people">
            {g.people.map((id) => {
              const name = displayName(members, id)
              return (
                <li key={id} className="board-person" aria-label={name}>
                  <div className="board-person-head">
                    <strong>
                      <bdi>{name}</bdi>
                    </strong>
                    <button type="button" aria-label={`History of ${name}`} aria-pressed={history === id} onClick={() => setHistory(history === id ? null : id)}>
                      History
                    </button>
                  </div>
                  <EntryView entry={entries[id]} name={name} />
                </li>
              )
            })}
          </ul>
        </div>
      ))}
      {history && <HistoryView key={history} api={api} memberId={history} name={displayName(members, history)} onClose={() => setHistory(null)} />}
    </section>
  )
}
