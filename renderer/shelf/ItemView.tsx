/**
 * One item of a shelf: a note rendered with the chat's safe Markdown renderer (text children only,
 * never HTML), or a file to download; editing and removing it (its author, hosts, the place's
 * owner); and its comment thread (Comments). It reads the item again when a notice says it changed.
 */
import { useCallback, useEffect, useId, useRef, useState, type FormEvent } from 'react'
import type { Shelf, ShelfItemThread } from '../../protocol/shelf.ts'
import { useSession } from '../app/context.tsx'
import { renderMarkdown } from '../chat/markdown/render.ts'
import { describeError } from '../ui/errors.ts'
import { Comments } from './Comments.tsx'
import type { ShelfApi } from './shelf-api.ts'
import { onShelfChange } from './shelf-store.ts'

export const sizeInWords = (bytes: number) => (bytes < 1024 * 1024 ? `${Math.max(1, Math.round(bytes / 1024))} KB` : `${(bytes / 1024 / 1024).toFixed(1)} MB`)

export function ItemView({ api, shelf, itemId, author, onBack, onError }: {
  api: ShelfApi
  shelf: Shelf
  itemId: string
  author(id: string | null): string
  onBack(): void
  onError(message: string | null): void
}) {
  const me = useSession((s) => s.me)
  const [thread, setThread] = useState<ShelfItemThread | null>(null)
  const [editing, setEditing] = useState(false)
  const [title, setTitle] = useState('')
  const [body, setBody] = useState('')
  const ids = { title: useId(), body: useId() }
  const place = shelf.placeId

  const back = useRef(onBack)
  back.current = onBack
  const load = useCallback(() => api.item(place, itemId).then(setThread, (err: unknown) => onError(describeError(err))), [api, place, itemId, onError])
  useEffect(() => {
    void load()
    return onShelfChange((n) => {
      if (n.type === 'item' && n.item.id === itemId) void load()
      if (n.type === 'item-gone' && n.itemId === itemId) back.current()
    })
  }, [load, itemId])

  if (!thread) return <p>Opening…</p>
  const { item } = thread
  const mine = shelf.moderates || (me !== null && item.authorId === me.id)
  const run = async (work: () => Promise<unknown>) => {
    onError(null)
    try {
      await work()
      return true
    } catch (err) {
      onError(describeError(err))
      return false
    }
  }
  const save = async (e: FormEvent) => {
    e.preventDefault()
    const changes = item.kind === 'note' ? { title: title.trim(), body } : { title: title.trim() }
    if (await run(async () => setThread({ ...thread, item: await api.editItem(place, item.id, changes) }))) setEditing(false)
  }
  const download = () => void run(async () => {
    const url = URL.createObjectURL(await api.download(place, item.id))
    const a = document.createElement('a')
    a.href = url
    a.download = item.title
    a.click()
    setTimeout(() => URL.revokeObjectURL(url), 60_000)
  })
  const remove = () => void run(async () => {
    if (!window.confirm(`Remove ${item.title} and its comments from the shelf?`)) return
    await api.removeItem(place, item.id)
    onBack()
  })

  return (
    <article className="shelf-item" aria-label={item.title}>
      <button type="button" onClick={onBack}>
        All items
      </button>
      {editing ? (
        <form onSubmit={(e) => void save(e)} aria-label={`Edit ${item.title}`}>
          <label htmlFor={ids.title}>{item.kind === 'note' ? 'Title' : 'File name'}</label>
          <input id={ids.title} value={title} required onChange={(e) => setTitle(e.target.value)} />
          {item.kind === 'note' && (
            <>
              <label htmlFor={ids.body}>Note (Markdown)</label>
              <textarea id={ids.body} value={body} rows={8} onChange={(e) => setBody(e.target.value)} />
            </>
          )}
          <button type="submit">Save</button>
          <button type="button" onClick={() => setEditing(false)}>
            Cancel
          </button>
        </form>
      ) : (
        <>
          <h3>{item.title}</h3>
          <p className="shelf-item-meta">
            {item.kind === 'file' ? `File (${sizeInWords(item.file?.size ?? 0)})` : 'Note'} by {author(item.authorId)}, {new Date(item.updatedAt).toLocaleString()}
          </p>
          {item.kind === 'note' ? <div className="shelf-note">{renderMarkdown(item.body, { people: [], me: null })}</div> : <button type="button" onClick={download}>Download {item.title}</button>}
          {mine && (
            <div className="controls">
              <button type="button" onClick={() => (setTitle(item.title), setBody(item.body), setEditing(true))}>
                Edit
              </button>
              <button type="button" onClick={remove}>
                Delete
              </button>
            </div>
          )}
        </>
      )}
      <Comments api={api} shelf={shelf} thread={thread} author={author} onChange={setThread} run={run} />
    </article>
  )
}
