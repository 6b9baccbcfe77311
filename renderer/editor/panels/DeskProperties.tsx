/** A desk's properties: label, rotation in 15° steps, hot desk or assigned to someone, and its company. */
import { useId, useState } from 'react'
import type { FloorOp } from '../../../protocol/floor/ops.ts'
import type { Desk, Floor } from '../../../protocol/floor/records.ts'
import { useFloor } from '../../app/context.tsx'
import { rotateDesks } from '../arrange.ts'
import { CommitField } from './CommitField.tsx'
import { CompanyField } from './CompanyField.tsx'
import { deskChoices } from './placement.ts'
import { useCommit } from './useCommit.ts'
import { useShownFloors } from './useShownFloor.ts'

export function DeskProperties({ desk, floor }: { desk: Desk; floor: Floor }) {
  const commit = useCommit()
  const members = useFloor((s) => s.members)
  const floors = useShownFloors()
  const [error, setError] = useState<string | null>(null)
  const assignId = useId()
  const useName = useId()
  const run = (ops: FloorOp[]) => void commit(ops).then(setError)
  const hot = desk.hot === true

  const assign = (memberId: string | null) => {
    const ops: FloorOp[] = []
    // One desk per member on a floor: their old desk here is freed in the same gesture.
    const old = memberId ? floor.desks.find((d) => d.assigneeId === memberId && d.id !== desk.id) : undefined
    if (old) ops.push({ op: 'desk.update', id: old.id, changes: { assigneeId: null } })
    ops.push({ op: 'desk.update', id: desk.id, changes: { assigneeId: memberId } })
    run(ops)
  }

  return (
    <div className="properties-body">
      <CommitField label="Label" value={desk.label} onCommit={(text) => commit([{ op: 'desk.update', id: desk.id, changes: { label: text.trim() } }])} />
      <div className="field">
        <span id={`${useName}-rotation`}>Rotation: {desk.rotation}°</span>
        <div className="button-row" role="group" aria-labelledby={`${useName}-rotation`}>
          <button type="button" onClick={() => run(rotateDesks(floor, [desk.id], -15))}>
            Rotate left 15°
          </button>
          <button type="button" onClick={() => run(rotateDesks(floor, [desk.id], 15))}>
            Rotate right 15°
          </button>
        </div>
      </div>
      <fieldset className="radio-row">
        <legend>Use</legend>
        <label className="check">
          <input type="radio" name={useName} checked={hot} onChange={() => run([{ op: 'desk.update', id: desk.id, changes: { hot: true, assigneeId: null } }])} />
          Hot desk
        </label>
        <label className="check">
          <input type="radio" name={useName} checked={!hot} onChange={() => run([{ op: 'desk.update', id: desk.id, changes: { hot: false } }])} />
          Assigned
        </label>
      </fieldset>
      {!hot && (
        <div className="field">
          <label htmlFor={assignId}>Assigned to</label>
          <select id={assignId} value={desk.assigneeId ?? ''} onChange={(e) => assign(e.target.value || null)}>
            <option value="">Nobody</option>
            {deskChoices(floors, members).map((m) => (
              <option key={m.id} value={m.id}>
                {m.label}
              </option>
            ))}
          </select>
        </div>
      )}
      <CompanyField value={desk.companyId} onChange={(companyId) => run([{ op: 'desk.update', id: desk.id, changes: { companyId } }])} />
      {error && (
        <p className="panel-error">
          {error}
        </p>
      )}
    </div>
  )
}
