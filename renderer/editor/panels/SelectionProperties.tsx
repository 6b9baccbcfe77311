/** Several items selected: align them on an edge or centre line, or spread them evenly (three or more). */
import { useState } from 'react'
import type { FloorOp } from '../../../protocol/floor/ops.ts'
import type { Floor } from '../../../protocol/floor/records.ts'
import { alignItems, distributeItems, type AlignEdge } from '../arrange.ts'
import { useCommit } from './useCommit.ts'

type Axis = Parameters<typeof distributeItems>[2]

const edges: { edge: AlignEdge; label: string }[] = [
  { edge: 'left', label: 'Align left' },
  { edge: 'center', label: 'Align centre' },
  { edge: 'right', label: 'Align right' },
  { edge: 'top', label: 'Align top' },
  { edge: 'middle', label: 'Align middle' },
  { edge: 'bottom', label: 'Align bottom' },
]
const axes: { axis: Axis; label: string }[] = [
  { axis: 'horizontal', label: 'Distribute horizontally' },
  { axis: 'vertical', label: 'Distribute vertically' },
]

export function SelectionProperties({ floor, ids }: { floor: Floor; ids: readonly string[] }) {
  const commit = useCommit()
  const [error, setError] = useState<string | null>(null)
  // Already aligned or spread: nothing to apply, and no empty undo step.
  const run = (ops: readonly FloorOp[]) => {
    if (ops.length) void commit(ops).then(setError)
  }
  const spreadable = ids.length >= 3

  return (
    <div className="properties-body">
      <div role="group" aria-label="Align" className="button-grid">
        {edges.map(({ edge, label }) => (
          <button key={edge} type="button" onClick={() => run(alignItems(floor, [...ids], edge))}>
            {label}
          </button>
        ))}
      </div>
      <div role="group" aria-label="Distribute" aria-describedby={spreadable ? undefined : 'distribute-hint'} className="button-row">
        {axes.map(({ axis, label }) => (
          <button key={axis} type="button" aria-disabled={!spreadable} onClick={() => spreadable && run(distributeItems(floor, [...ids], axis))}>
            {label}
          </button>
        ))}
      </div>
      {!spreadable && (
        <p id="distribute-hint" className="hint">
          Select three or more to distribute.
        </p>
      )}
      {error && (
        <p className="panel-error">
          {error}
        </p>
      )}
    </div>
  )
}
