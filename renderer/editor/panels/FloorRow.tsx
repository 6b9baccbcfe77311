/** One floor in the Floors panel: its name (renamed in place), move up or down, and delete. */
import { useRef, useState } from 'react'
import type { Floor } from '../../../protocol/floor/records.ts'
import { CommitField } from './CommitField.tsx'

export function FloorRow(props: {
  floor: Floor
  current: boolean
  first: boolean
  last: boolean
  only: boolean
  /** Resolves with the reason when the new name is refused. */
  onRename(name: string): Promise<string | null>
  onMove(delta: -1 | 1): void
  onDelete(): void
}) {
  const { floor } = props
  const [renaming, setRenaming] = useState(false)
  const row = useRef<HTMLLIElement>(null)
  const renameButton = useRef<HTMLButtonElement>(null)
  const stopRenaming = () => {
    setRenaming(false)
    // Keyboard users continue from the button that opened the field, unless they already moved on.
    requestAnimationFrame(() => {
      const at = document.activeElement
      if (!at || at === document.body || row.current?.contains(at)) renameButton.current?.focus()
    })
  }

  return (
    <li ref={row} className="floor-row" aria-current={props.current ? 'true' : undefined}>
      {renaming ? (
        <div
          onKeyDown={(e) => {
            if (e.key === 'Escape') {
              e.stopPropagation()
              stopRenaming()
            }
          }}
        >
          <CommitField
            label={`New name for ${floor.name}`}
            value={floor.name}
            autoFocus
            onCommit={async (text) => {
              const refused = await props.onRename(text.trim())
              if (!refused) stopRenaming()
              return refused
            }}
          />
        </div>
      ) : (
        <span className="floor-name">
          {floor.name}
          {props.current && <span className="hint"> (on screen)</span>}
        </span>
      )}
      <div className="button-row">
        {!renaming && (
          <button type="button" ref={renameButton} aria-label={`Rename ${floor.name}`} onClick={() => setRenaming(true)}>
            Rename
          </button>
        )}
        {/* aria-disabled, not disabled: the button keeps focus when its floor reaches the end. */}
        <button type="button" aria-label={`Move ${floor.name} up`} aria-disabled={props.first} onClick={() => !props.first && props.onMove(-1)}>
          Up
        </button>
        <button type="button" aria-label={`Move ${floor.name} down`} aria-disabled={props.last} onClick={() => !props.last && props.onMove(1)}>
          Down
        </button>
        {!props.only && (
          <button type="button" className="danger" aria-label={`Delete ${floor.name}`} onClick={props.onDelete}>
            Delete
          </button>
        )}
      </div>
    </li>
  )
}
