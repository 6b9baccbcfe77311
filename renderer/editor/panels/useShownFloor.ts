/**
 * The floor the editor shows (its preview of edits in flight or of the draft, else the confirmed
 * floor), and every floor with that one in its place: the panels read what the host sees.
 */
import { useMemo } from 'react'
import type { Floor } from '../../../protocol/floor/records.ts'
import { useFloor } from '../../app/context.tsx'
import { currentFloor } from '../../stores/floor/selectors.ts'
import { useEditorState } from '../useEditor.ts'

export function useShownFloor(): Floor | null {
  const confirmed = useFloor(currentFloor)
  const preview = useEditorState((s) => s.preview)
  return preview && (!confirmed || preview.id === confirmed.id) ? preview : confirmed
}

export function useShownFloors(): Floor[] {
  const floors = useFloor((s) => s.floors)
  const shown = useShownFloor()
  return useMemo(() => (shown ? floors.map((f) => (f.id === shown.id ? shown : f)) : floors), [floors, shown])
}
