/** A piece of furniture's properties: what it is, and its rotation in 15° steps. */
import { useId, useState } from 'react'
import type { FloorOp } from '../../../protocol/floor/ops.ts'
import type { Floor, Furniture, FurnitureKind } from '../../../protocol/floor/records.ts'
import { furnitureKindList, furnitureKinds } from '../../floor/furniture-kinds.ts'
import { rotateDesks } from '../arrange.ts'
import { useCommit } from './useCommit.ts'
import './furniture.css'

export function FurnitureProperties({ item, floor }: { item: Furniture; floor: Floor }) {
  const commit = useCommit()
  const [error, setError] = useState<string | null>(null)
  const kindId = useId()
  const run = (ops: FloorOp[]) => {
    if (ops.length) void commit(ops).then(setError)
  }

  return (
    <div className="properties-body furniture-properties">
      <div className="field">
        <label htmlFor={kindId}>Kind</label>
        <select id={kindId} value={item.kind} onChange={(e) => run([{ op: 'furniture.update', id: item.id, changes: { kind: e.target.value as FurnitureKind } }])}>
          {furnitureKindList.map((kind) => (
            <option key={kind} value={kind}>
              {furnitureKinds[kind].label}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <span id={`${kindId}-rotation`}>Rotation: {item.rotation}°</span>
        <div className="button-row" role="group" aria-labelledby={`${kindId}-rotation`}>
          <button type="button" onClick={() => run(rotateDesks(floor, [item.id], -15))}>
            Rotate left 15°
          </button>
          <button type="button" onClick={() => run(rotateDesks(floor, [item.id], 15))}>
            Rotate right 15°
          </button>
        </div>
      </div>
      {error && <p className="panel-error">{error}</p>}
    </div>
  )
}
