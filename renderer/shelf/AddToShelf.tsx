/** Adding to a shelf: a Markdown note (title and text), or files (each up to 25 MB, checked here before sending). */
import { useId, useRef, useState, type FormEvent } from 'react'
import { SHELF_LIMITS, type ShelfItemSummary } from '../../protocol/shelf.ts'
import type { ShelfApi } from './shelf-api.ts'

export function AddToShelf({ api, placeId, onAdded, run }: {
  api: ShelfApi
  placeId: string
  onAdded(item: ShelfItemSummary): void
  run(work: () => Promise<unknown>): Promise<boolean>
}) {
  const [title, setTitle] = useState('')
  const [body, setBody] = useState('')
  const [busy, setBusy] = useState(false)
  const files = useRef<HTMLInputElement>(null)
  const ids = { title: useId(), body: useId(), file: useId() }

  const addNote = async (e: FormEvent) => {
    e.preventDefault()
    if (!title.trim()) return
    setBusy(true)
    const ok = await run(async () => onAdded(await api.addNote(placeId, title.trim(), body)))
    setBusy(false)
    if (ok) {
      setTitle('')
      setBody('')
    }
  }
  const upload = async (list: FileList | null) => {
    setBusy(true)
    for (const file of Array.from(list ?? [])) {
      await run(async () => {
        if (file.size > SHELF_LIMITS.fileBytes) throw new Error(`${file.name} is larger than 25 MB, the most a shelf keeps`)
        onAdded(await api.upload(placeId, file, file.name))
      })
    }
    if (files.current) files.current.value = ''
    setBusy(false)
  }

  return (
    <section className="shelf-add" aria-label="Add to the shelf">
      <form onSubmit={(e) => void addNote(e)}>
        <label htmlFor={ids.title}>Title</label>
        <input id={ids.title} value={title} maxLength={SHELF_LIMITS.title} required onChange={(e) => setTitle(e.target.value)} />
        <label htmlFor={ids.body}>Note (Markdown)</label>
        <textarea id={ids.body} value={body} rows={4} maxLength={SHELF_LIMITS.noteBody} onChange={(e) => setBody(e.target.value)} />
        <button type="submit" disabled={busy}>
          Add note
        </button>
      </form>
      <label htmlFor={ids.file}>Upload a file (up to 25 MB)</label>
      <input id={ids.file} ref={files} type="file" multiple disabled={busy} onChange={(e) => void upload(e.target.files)} />
    </section>
  )
}
