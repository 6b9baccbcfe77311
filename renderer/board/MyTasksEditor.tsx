/**
 * Your pinned tasks (up to BOARD_LIMITS.tasks): a title, a status (to do, doing, done) and an
 * optional due date each. Edited as a draft and saved whole; the server's answer fills the store.
 */
import { useEffect, useState, type FormEvent } from 'react'
import { BOARD_LIMITS, type BoardTask, type TaskStatus } from '../../protocol/board.ts'
import { describeError } from '../ui/errors.ts'
import type { BoardApi } from './board-api.ts'
import { boardStore } from './board-store.ts'
import { STATUS_LABELS } from './format.ts'

const same = (a: readonly BoardTask[], b: readonly BoardTask[]) => JSON.stringify(a) === JSON.stringify(b)

export function MyTasksEditor({ api, tasks }: { api: BoardApi; tasks: readonly BoardTask[] }) {
  const [draft, setDraft] = useState<BoardTask[]>([...tasks])
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const key = JSON.stringify(tasks)
  // The server's tasks (saved here or on another device) replace an untouched draft.
  const [base, setBase] = useState(key)
  useEffect(() => {
    if (JSON.stringify(draft) === base) setDraft(JSON.parse(key) as BoardTask[])
    setBase(key)
    // Only the server's tasks move the base; the draft is read as it was then.
  }, [key])

  const change = (i: number, patch: Partial<BoardTask>) => setDraft((d) => d.map((t, j) => (j === i ? { ...t, ...patch } : t)))
  const save = async (e: FormEvent) => {
    e.preventDefault()
    setBusy(true)
    setError(null)
    try {
      const saved = await api.setTasks(draft.map((t) => ({ ...t, title: t.title.trim() })))
      boardStore.getState().put(saved)
      setDraft(saved.tasks)
    } catch (err) {
      setError(describeError(err))
    } finally {
      setBusy(false)
    }
  }
  const full = draft.length >= BOARD_LIMITS.tasks
  return (
    <form className="board-my-tasks" aria-label="Your tasks" onSubmit={(e) => void save(e)}>
      <ol>
        {draft.map((t, i) => (
          <li key={i}>
            <input type="text" aria-label={`Task ${i + 1}`} required value={t.title} maxLength={BOARD_LIMITS.taskTitle} onChange={(e) => change(i, { title: e.target.value })} />
            <select aria-label={`Status of task ${i + 1}`} value={t.status} onChange={(e) => change(i, { status: e.target.value as TaskStatus })}>
              {(Object.keys(STATUS_LABELS) as TaskStatus[]).map((s) => (
                <option key={s} value={s}>
                  {STATUS_LABELS[s]}
                </option>
              ))}
            </select>
            <input type="date" aria-label={`Due date of task ${i + 1}`} value={t.due ?? ''} onChange={(e) => change(i, { due: e.target.value || null })} />
            <button type="button" aria-label={`Unpin task ${i + 1}`} onClick={() => setDraft((d) => d.filter((_, j) => j !== i))}>
              ×
            </button>
          </li>
        ))}
      </ol>
      <div className="controls">
        <button type="button" disabled={full} onClick={() => setDraft((d) => [...d, { title: '', status: 'todo', due: null }])}>
          Pin a task
        </button>
        <button type="submit" disabled={busy || same(draft, tasks)}>
          Save tasks
        </button>
        {full && <span className="board-hint">Up to {BOARD_LIMITS.tasks} tasks</span>}
      </div>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
    </form>
  )
}
