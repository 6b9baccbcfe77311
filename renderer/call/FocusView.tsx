/**
 * "Expand call": the call over the floor area. A screen share or the pinned person takes the
 * stage with the others in a column beside it; otherwise everyone shares a grid, the active
 * speaker outlined. "Back to the floor" (or Escape) returns to the strip beside the floor.
 */
import { Minimize2 } from 'lucide-react'
import { useEffect, useRef, type CSSProperties } from 'react'
import { useMedia } from '../app/context.tsx'
import { CallTile } from './CallTile.tsx'
import { useCallLayout } from './useCallLayout.ts'

const GRID_TILES = 16
const BESIDE_STAGE = 6

const tilesFit = (staged: boolean) => (staged ? BESIDE_STAGE : GRID_TILES)

/** Columns for n tiles in a roughly square grid. */
const columns = (n: number) => Math.max(1, Math.ceil(Math.sqrt(n)))

export function FocusView({ roomName }: { roomName: string }) {
  const setLayout = useMedia((s) => s.setLayout)
  const region = useRef<HTMLElement>(null)
  const call = useCallLayout(tilesFit)
  // Focus follows the view: into it when it opens, back to the panel's Expand call when it closes.
  useEffect(() => {
    region.current?.focus()
    return () => document.querySelector<HTMLButtonElement>('.call-controls button.call-expand')?.focus()
  }, [])
  const back = () => setLayout({ expanded: false })

  return (
    <section
      ref={region}
      tabIndex={-1}
      className={`call-focus${call.stage ? ' call-focus-staged' : ''}`}
      aria-label={`${roomName} call, expanded`}
      onKeyDown={(e) => {
        if (e.key === 'Escape' && !e.defaultPrevented) back()
      }}
    >
      <header className="call-focus-bar">
        <h2>{roomName}</h2>
        <button type="button" onClick={back}>
          <Minimize2 size={16} aria-hidden="true" />
          Back to the floor
        </button>
      </header>
      {call.stage && (
        <div className="call-focus-stage">
          <CallTile tile={call.stage} active={call.stage.identity === call.activeSpeaker} />
        </div>
      )}
      <div className="call-focus-grid" style={{ '--call-columns': call.stage ? 1 : columns(call.rest.length) } as CSSProperties}>
        {call.rest.map((t) => (
          <CallTile key={t.key} tile={t} active={t.identity === call.activeSpeaker} />
        ))}
      </div>
      {call.hidden > 0 && <p className="call-more">{`${call.hidden} more in the call`}</p>}
    </section>
  )
}
