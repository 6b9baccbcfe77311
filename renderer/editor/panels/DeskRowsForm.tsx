/** "Add desks in rows": how many, in how many rows, how far apart; placed as one block where it fits. */
import { useId, useState } from 'react'
import { DESK_SIZE } from '../../../protocol/floor/geometry.ts'
import type { FloorOp } from '../../../protocol/floor/ops.ts'
import type { Floor } from '../../../protocol/floor/records.ts'
import { deskRows } from '../arrange.ts'
import { useEditor } from '../useEditor.ts'
import { grown, nextDeskNumber, spotFor } from './placement.ts'

const limits = { count: [1, 500], rows: [1, 50], spacing: [DESK_SIZE, 1000] } as const

export function DeskRowsForm(props: { id: string; floor: Floor; onAdd(ops: FloorOp[], ids: string[]): Promise<void>; onCancel(): void }) {
  const editor = useEditor()
  const id = useId()
  const [values, setValues] = useState({ count: '6', rows: '2', spacing: '100' })
  const field = (key: keyof typeof values, label: string) => (
    <div className="field">
      <label htmlFor={`${id}-${key}`}>{label}</label>
      <input
        id={`${id}-${key}`}
        type="number"
        required
        step={1}
        min={limits[key][0]}
        max={limits[key][1]}
        value={values[key]}
        autoFocus={key === 'count'}
        onChange={(e) => setValues((v) => ({ ...v, [key]: e.target.value }))}
      />
    </div>
  )

  return (
    <form
      id={props.id}
      aria-label="Add desks in rows"
      className="palette-form"
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.stopPropagation()
          props.onCancel()
        }
      }}
      onSubmit={(e) => {
        // The inputs' min, max and step have been checked by the browser before this runs.
        e.preventDefault()
        const count = Number(values.count)
        const rows = Math.min(Number(values.rows), count)
        const spacing = Number(values.spacing)
        const perRow = Math.ceil(count / rows)
        const block = spotFor(props.floor, (perRow - 1) * spacing + DESK_SIZE, (Math.ceil(count / perRow) - 1) * spacing + DESK_SIZE)
        const options = { count, rows, spacing, x: block.x + DESK_SIZE / 2, y: block.y + DESK_SIZE / 2 }
        // Placed on the floor as grown for them, so deskRows keeps them in the new strip.
        const { ops, ids } = deskRows(grown(props.floor, block), options, (prefix) => editor.newId(prefix), nextDeskNumber(props.floor))
        void props.onAdd([...block.grow, ...ops], ids)
      }}
    >
      {field('count', 'Number of desks')}
      {field('rows', 'Rows')}
      {field('spacing', 'Spacing')}
      <div className="button-row">
        <button type="submit">Add desks</button>
        <button type="button" onClick={props.onCancel}>
          Cancel
        </button>
      </div>
    </form>
  )
}
