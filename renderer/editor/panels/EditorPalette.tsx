/**
 * The palette: add a desk, a room of a kind, desks in rows, or a piece of furniture, near the
 * middle of the floor where there is room. Each addition is one apply (one undo step) and leaves the new items selected.
 */
import { useRef, useState } from 'react'
import type { FloorOp } from '../../../protocol/floor/ops.ts'
import type { FurnitureKind, RoomKind } from '../../../protocol/floor/records.ts'
import { furnitureKinds } from '../../floor/furniture-kinds.ts'
import { useEditor, useEditorState } from '../useEditor.ts'
import { DeskRowsForm } from './DeskRowsForm.tsx'
import { FurniturePicker } from './FurniturePicker.tsx'
import { RoomKindMenu } from './RoomKindMenu.tsx'
import { deskSpot, freeRoomName, nextDeskNumber, roomKinds, spotFor } from './placement.ts'
import { useCommit } from './useCommit.ts'
import { useShownFloor } from './useShownFloor.ts'
import './panels.css'

type Open = 'room' | 'rows' | 'furniture' | null

export function EditorPalette() {
  const editor = useEditor()
  const editing = useEditorState((s) => s.editing)
  const floor = useShownFloor()
  const commit = useCommit()
  const [open, setOpen] = useState<Open>(null)
  const [error, setError] = useState<string | null>(null)
  const roomButton = useRef<HTMLButtonElement>(null)
  const rowsButton = useRef<HTMLButtonElement>(null)
  const furnitureButton = useRef<HTMLButtonElement>(null)
  if (!editing || !floor) return null

  const add = async (ops: FloorOp[], ids: string[]) => {
    const refused = await commit(ops)
    setError(refused)
    if (!refused) editor.select(ids)
    return !refused
  }
  const addDesk = () => {
    const id = editor.newId('desk')
    const { x, y, grow } = deskSpot(floor)
    void add([...grow, { op: 'desk.add', desk: { id, label: String(nextDeskNumber(floor)), x, y, rotation: 0, assigneeId: null } }], [id])
  }
  const addRoom = (kind: RoomKind) => {
    const id = editor.newId('room')
    const { width, height, capacity } = roomKinds[kind]
    const { x, y, grow } = spotFor(floor, width, height)
    const room = { id, name: freeRoomName(floor, kind), kind, x, y, width, height, capacity, locked: false, ownerId: null, allowed: [] }
    closeTo(roomButton.current)
    void add([...grow, { op: 'room.add', room }], [id])
  }
  const addFurniture = (kind: FurnitureKind) => {
    const id = editor.newId('furn')
    const { width, height } = furnitureKinds[kind]
    const { x, y, grow } = spotFor(floor, width, height)
    // Placed by its centre, as desks are; the group stays open to add more.
    void add([...grow, { op: 'furniture.add', furniture: { id, kind, x: x + width / 2, y: y + height / 2, rotation: 0 } }], [id])
  }
  const toggle = (which: Exclude<Open, null>) => setOpen((o) => (o === which ? null : which))
  const closeTo = (button: HTMLButtonElement | null) => {
    setOpen(null)
    button?.focus()
  }

  return (
    <div role="group" aria-label="Add to floor" className="editor-palette panel">
      <button type="button" onClick={addDesk}>
        Add desk
      </button>
      <button type="button" ref={roomButton} aria-haspopup="menu" aria-expanded={open === 'room'} aria-controls="palette-room-kinds" onClick={() => toggle('room')}>
        Add room
      </button>
      {open === 'room' && <RoomKindMenu id="palette-room-kinds" onPick={addRoom} onClose={(refocus) => (refocus ? closeTo(roomButton.current) : setOpen(null))} />}
      <button type="button" ref={rowsButton} aria-expanded={open === 'rows'} aria-controls="palette-desk-rows" onClick={() => toggle('rows')}>
        Add desks in rows
      </button>
      {open === 'rows' && (
        <DeskRowsForm
          id="palette-desk-rows"
          floor={floor}
          onAdd={async (ops, ids) => {
            if (await add(ops, ids)) closeTo(rowsButton.current)
          }}
          onCancel={() => closeTo(rowsButton.current)}
        />
      )}
      <button type="button" ref={furnitureButton} aria-expanded={open === 'furniture'} aria-controls="palette-furniture" onClick={() => toggle('furniture')}>
        Add furniture
      </button>
      {open === 'furniture' && <FurniturePicker id="palette-furniture" onPick={addFurniture} onClose={() => closeTo(furnitureButton.current)} />}
      {error && <p className="panel-error">{error}</p>}
    </div>
  )
}
