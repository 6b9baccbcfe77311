/** A search over notes (titles and text) and files (names) on every shelf this member may see; the server decides which. */
import { useId, useState, type FormEvent } from 'react'
import type { ShelfSearch as Found } from '../../protocol/shelf.ts'
import { describeError } from '../ui/errors.ts'
import type { ShelfApi } from './shelf-api.ts'

export function ShelfSearch({ api, onOpen }: { api: ShelfApi; onOpen(placeId: string, itemId: string): void }) {
  const id = useId()
  const [q, setQ] = useState('')
  const [found, setFound] = useState<Found['results'] | null>(null)
  const [error, setError] = useState<string | null>(null)
  const search = async (e: FormEvent) => {
    e.preventDefault()
    setError(null)
    try {
      setFound(await api.search(q.trim()))
    } catch (err) {
      setError(describeError(err))
    }
  }
  return (
    <section className="shelf-search" aria-label="Search shelves">
      <form role="search" onSubmit={(e) => void search(e)}>
        <label htmlFor={id}>Search every shelf</label>
        <input id={id} type="search" value={q} minLength={2} maxLength={100} required onChange={(e) => setQ(e.target.value)} />
        <button type="submit">Search</button>
      </form>
      {error && <p role="alert">{error}</p>}
      {found && (
        <ul aria-label="Search results">
          {found.length === 0 && <li>Nothing found.</li>}
          {found.map((r) => (
            <li key={r.item.id}>
              <button type="button" onClick={() => onOpen(r.item.placeId, r.item.id)}>
                {r.item.title}
              </button>{' '}
              <span className="shelf-item-meta">on the shelf of {r.placeName}</span>
            </li>
          ))}
        </ul>
      )}
    </section>
  )
}
