/**
 * The shelf of a room or a desk, as a dialog named "Shelf of <place>": its notes and files (newest
 * first, kept live by the shelf notices), adding a note or a file, following it, a search over every
 * shelf this member may see, and one item open with its comments (ItemView).
 */
import { useEffect, useRef, useState } from 'react'
import type { Shelf, ShelfItemSummary } from '../../protocol/shelf.ts'
import { useFloor } from '../app/context.tsx'
import { displayName } from '../stores/presence/selectors.ts'
import { describeError } from '../ui/errors.ts'
import { AddToShelf } from './AddToShelf.tsx'
import { ItemView } from './ItemView.tsx'
import { shelfPlaceName } from './place-name.ts'
import type { ShelfApi } from './shelf-api.ts'
import { onShelfChange, shelfStore } from './shelf-store.ts'
import { ShelfSearch } from './ShelfSearch.tsx'

const upsert = (items: ShelfItemSummary[], item: ShelfItemSummary) =>
  [item, ...items.filter((i) => i.id !== item.id)].sort((a, b) => b.createdAt - a.createdAt || (a.id < b.id ? 1 : -1))

export function ShelfDialog({ api, placeId, itemId, onClose }: { api: ShelfApi; placeId: string; itemId: string | null; onClose(): void }) {
  const dialog = useRef<HTMLDialogElement>(null)
  const floors = useFloor((s) => s.floors)
  const members = useFloor((s) => s.members)
  const [shelf, setShelf] = useState<Shelf | null>(null)
  const [error, setError] = useState<string | null>(null)
  const name = shelf?.name ?? shelfPlaceName(floors, placeId)

  useEffect(() => {
    dialog.current?.showModal()
  }, [])
  useEffect(() => {
    let live = true
    api.shelf(placeId).then((s) => live && setShelf(s), (err: unknown) => live && setError(describeError(err)))
    // Changes made by anyone while it is open: the notices carry the item itself.
    const stop = onShelfChange((n) => {
      if (n.type === 'item' && n.item.placeId === placeId) setShelf((s) => (s ? { ...s, items: upsert(s.items, n.item) } : s))
      if (n.type === 'item-gone' && n.placeId === placeId) setShelf((s) => (s ? { ...s, items: s.items.filter((i) => i.id !== n.itemId) } : s))
    })
    return () => {
      live = false
      stop()
    }
  }, [api, placeId])

  const run = async (work: () => Promise<unknown>) => {
    setError(null)
    try {
      await work()
      return true
    } catch (err) {
      setError(describeError(err))
      return false
    }
  }
  const follow = () => void run(async () => {
    const following = await api.follow(placeId, !shelf?.following)
    setShelf((s) => (s ? { ...s, following } : s))
  })
  const added = (item: ShelfItemSummary) => setShelf((s) => (s ? { ...s, items: upsert(s.items, item) } : s))
  const openItem = (id: string | null) => shelfStore.getState().show(placeId, id)
  const author = (id: string | null) => (id ? displayName(members, id) : 'someone who left')

  return (
    <dialog ref={dialog} className="dialog shelf-dialog" aria-label={`Shelf of ${name}`} onClose={onClose}>
      <header className="shelf-head">
        <h2>Shelf of {name}</h2>
        {shelf && (
          <button type="button" aria-pressed={shelf.following} onClick={follow} title="Hear of new comments on this shelf">
            {shelf.following ? 'Following' : 'Follow'}
          </button>
        )}
        <button type="button" aria-label="Close the shelf" onClick={() => dialog.current?.close()}>
          ×
        </button>
      </header>
      {error && <p role="alert">{error}</p>}
      {shelf && itemId ? (
        <ItemView api={api} shelf={shelf} itemId={itemId} author={author} onBack={() => openItem(null)} onError={setError} />
      ) : (
        shelf && (
          <>
            <ul className="shelf-items" aria-label="Notes and files">
              {shelf.items.length === 0 && <li>Nothing on this shelf yet.</li>}
              {shelf.items.map((i) => (
                <li key={i.id}>
                  <button type="button" className="shelf-item-open" onClick={() => openItem(i.id)}>
                    {i.title}
                  </button>
                  <span className="shelf-item-meta">
                    {i.kind === 'file' ? 'File' : 'Note'} by {author(i.authorId)}
                    {i.comments > 0 && `, ${i.comments} ${i.comments === 1 ? 'comment' : 'comments'}`}
                  </span>
                </li>
              ))}
            </ul>
            {shelf.mayAdd && <AddToShelf api={api} placeId={placeId} onAdded={added} run={run} />}
            <ShelfSearch api={api} onOpen={(place, item) => shelfStore.getState().show(place, item)} />
          </>
        )
      )}
    </dialog>
  )
}
