/**
 * The workspace's floors, in order: rename, reorder and delete each one, and add a floor, empty or
 * from a template. Deleting asks first and says where that floor's people go.
 */
import { useId, useState } from 'react'
import { useFloor } from '../../app/context.tsx'
import { useEditor, useEditorState } from '../useEditor.ts'
import { AddFloorForm } from './AddFloorForm.tsx'
import { DeleteFloorDialog } from './DeleteFloorDialog.tsx'
import { FloorRow } from './FloorRow.tsx'
import { useEditorAction } from './useCommit.ts'
import './panels.css'

export function FloorsPanel() {
  const editor = useEditor()
  const editing = useEditorState((s) => s.editing)
  const floors = useFloor((s) => s.floors)
  const onScreen = useFloor((s) => s.floorId)
  const act = useEditorAction()
  const heading = useId()
  const [error, setError] = useState<string | null>(null)
  const [deleting, setDeleting] = useState<string | null>(null)
  if (!editing) return null

  const run = (action: () => Promise<unknown>) => act(action).then((text) => (setError(text), text))
  const doomed = floors.find((f) => f.id === deleting)
  // Where the people of a deleted floor go: the first floor that remains.
  const first = floors.find((f) => f.id !== deleting)

  return (
    <section className="panel floors-panel" aria-labelledby={heading}>
      <h2 id={heading}>Floors</h2>
      <ol className="floor-list">
        {floors.map((floor, i) => (
          <FloorRow
            key={floor.id}
            floor={floor}
            current={floor.id === onScreen}
            first={i === 0}
            last={i === floors.length - 1}
            only={floors.length === 1}
            onRename={(name) => run(() => editor.renameFloor(floor.id, name))}
            onMove={(delta) => void run(() => editor.moveFloor(floor.id, delta))}
            onDelete={() => setDeleting(floor.id)}
          />
        ))}
      </ol>
      {doomed && first && (
        <DeleteFloorDialog
          name={doomed.name}
          firstFloor={first.name}
          onConfirm={() => {
            setDeleting(null)
            void run(() => editor.removeFloor(doomed.id))
          }}
          onCancel={() => setDeleting(null)}
        />
      )}
      <AddFloorForm onAdd={(name, template) => run(() => editor.addFloor(name, template))} />
      {error && <p className="panel-error">{error}</p>}
    </section>
  )
}
