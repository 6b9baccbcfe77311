/**
 * The Properties panel: what is selected, said in words ("Desk 4 selected"), and its settings. Each
 * change is one apply; the panel itself keeps no copy of the floor.
 */
import { useId, useState } from 'react'
import { useEditor, useEditorState } from '../useEditor.ts'
import { DeskProperties } from './DeskProperties.tsx'
import { FurnitureProperties } from './FurnitureProperties.tsx'
import { describeSelection } from '../selection-label.ts'
import { selectedOn } from './placement.ts'
import { RoomProperties } from './RoomProperties.tsx'
import { SelectionProperties } from './SelectionProperties.tsx'
import { useEditorAction } from './useCommit.ts'
import { useShownFloor } from './useShownFloor.ts'
import './panels.css'

export function PropertiesPanel() {
  const editor = useEditor()
  const editing = useEditorState((s) => s.editing)
  const selection = useEditorState((s) => s.selection)
  const floor = useShownFloor()
  const heading = useId()
  const act = useEditorAction()
  // A refusal belongs to the selection it was about; selecting something else clears it.
  const [error, setError] = useState<{ about: string; text: string } | null>(null)
  if (!editing) return null

  const ids = selectedOn(floor, selection)
  const about = ids.join(' ')
  const remove = () => void act(() => editor.removeSelected()).then((text) => setError(text ? { about, text } : null))
  const room = ids.length === 1 ? floor?.rooms.find((r) => r.id === ids[0]) : undefined
  const desk = ids.length === 1 ? floor?.desks.find((d) => d.id === ids[0]) : undefined
  const item = ids.length === 1 ? floor?.furniture?.find((f) => f.id === ids[0]) : undefined

  return (
    <section className="panel properties" aria-labelledby={heading} aria-describedby={`${heading}-summary`}>
      <h2 id={heading}>Properties</h2>
      {/* Not a live region: the editor bar already announces the selection once. */}
      <p id={`${heading}-summary`} className="selection-summary">
        {ids.length === 0 || !floor ? 'Select a room or desk' : describeSelection(floor, ids)}
      </p>
      {room && <RoomProperties key={room.id} room={room} />}
      {desk && floor && <DeskProperties key={desk.id} desk={desk} floor={floor} />}
      {item && floor && <FurnitureProperties key={item.id} item={item} floor={floor} />}
      {ids.length > 1 && floor && <SelectionProperties floor={floor} ids={ids} />}
      {ids.length > 0 && (
        <button type="button" className="danger" onClick={remove}>
          Delete
        </button>
      )}
      {error && error.about === about && (
        <p className="panel-error">
          {error.text}
        </p>
      )}
    </section>
  )
}
