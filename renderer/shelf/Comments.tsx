/** An item's comment thread: oldest first, each editable and removable by its writer, hosts and the place's owner; and a box to add one. */
import { useId, useState, type FormEvent } from 'react'
import { SHELF_LIMITS, type Shelf, type ShelfComment, type ShelfItemThread } from '../../protocol/shelf.ts'
import { useSession } from '../app/context.tsx'
import { renderMarkdown } from '../chat/markdown/render.ts'
import type { ShelfApi } from './shelf-api.ts'

export function Comments({ api, shelf, thread, author, onChange, run }: {
  api: ShelfApi
  shelf: Shelf
  thread: ShelfItemThread
  author(id: string | null): string
  onChange(thread: ShelfItemThread): void
  run(work: () => Promise<unknown>): Promise<boolean>
}) {
  const me = useSession((s) => s.me)
  const [draft, setDraft] = useState('')
  const [editing, setEditing] = useState<{ id: string; body: string } | null>(null)
  const id = useId()
  const { item, comments } = thread
  const place = shelf.placeId
  const replace = (c: ShelfComment) => onChange({ ...thread, comments: comments.map((x) => (x.id === c.id ? c : x)) })

  const post = async (e: FormEvent) => {
    e.preventDefault()
    if (!draft.trim()) return
    if (await run(async () => onChange({ ...thread, comments: [...comments, await api.comment(place, item.id, draft.trim())] }))) setDraft('')
  }
  const save = async (e: FormEvent) => {
    e.preventDefault()
    if (editing && (await run(async () => replace(await api.editComment(place, item.id, editing.id, editing.body.trim()))))) setEditing(null)
  }
  const remove = (c: ShelfComment) => void run(async () => {
    await api.removeComment(place, item.id, c.id)
    onChange({ ...thread, comments: comments.filter((x) => x.id !== c.id) })
  })

  return (
    <section className="shelf-comments" aria-label="Comments">
      <h4>Comments</h4>
      <ol>
        {comments.length === 0 && <li>No comments yet.</li>}
        {comments.map((c) => {
          const mayChange = shelf.moderates || (me !== null && c.authorId === me.id)
          return (
            <li key={c.id} aria-label={`Comment by ${author(c.authorId)}`}>
              <strong>{author(c.authorId)}</strong> <span className="shelf-item-meta">{new Date(c.createdAt).toLocaleString()}</span>
              {editing?.id === c.id ? (
                <form onSubmit={(e) => void save(e)}>
                  <textarea aria-label="Edit the comment" value={editing.body} maxLength={SHELF_LIMITS.comment} onChange={(e) => setEditing({ id: c.id, body: e.target.value })} />
                  <button type="submit">Save</button>
                  <button type="button" onClick={() => setEditing(null)}>
                    Cancel
                  </button>
                </form>
              ) : (
                <div className="shelf-comment-body">{renderMarkdown(c.body, { people: [], me: null })}</div>
              )}
              {mayChange && editing?.id !== c.id && (
                <span className="controls">
                  <button type="button" aria-label={`Edit the comment by ${author(c.authorId)}`} onClick={() => setEditing({ id: c.id, body: c.body })}>
                    Edit
                  </button>
                  <button type="button" aria-label={`Delete the comment by ${author(c.authorId)}`} onClick={() => remove(c)}>
                    Delete
                  </button>
                </span>
              )}
            </li>
          )
        })}
      </ol>
      <form onSubmit={(e) => void post(e)}>
        <label htmlFor={id}>Comment</label>
        <textarea id={id} value={draft} rows={2} maxLength={SHELF_LIMITS.comment} onChange={(e) => setDraft(e.target.value)} />
        <button type="submit">Post comment</button>
      </form>
    </section>
  )
}
