/**
 * Issue 14: the top bar's Board button and the Board region it shows in the office body (through
 * a portal, as the Events region's). It also keeps the board store loaded, which the cards of
 * places and people read. Guests have no board: no button, no reads.
 */
import { Suspense, useState, type RefObject } from 'react'
import { createPortal } from 'react-dom'
import { useBoardLoader } from './useBoardLoader.ts'
import './board.css'
import { lazyPart } from '../ui/lazy-part.ts'

const BoardRegion = lazyPart(() => import('./BoardRegion.tsx').then((m) => ({ default: m.BoardRegion })))

export function BoardMount({ body }: { body: RefObject<HTMLElement | null> }) {
  const { api, reload } = useBoardLoader()
  const [shown, setShown] = useState(false)
  if (!api) return null
  const toggle = () => {
    // Opening the region reads the board again: notices may have been missed while away.
    if (!shown) void reload()
    setShown(!shown)
  }
  return (
    <>
      <button type="button" aria-expanded={shown} onClick={toggle}>
        Board
      </button>
      {shown &&
        body.current &&
        createPortal(
          <Suspense fallback={null}>
            <BoardRegion api={api} onClose={() => setShown(false)} />
          </Suspense>,
          body.current,
        )}
    </>
  )
}
