/**
 * Editing by keyboard (hosts, while Edit floor is on). Enter or Space on a room or desk selects it
 * (Shift adds). With a selection, the arrow keys move it by one grid unit (Shift: ten), Alt+arrows
 * resize a room, R and Shift+R rotate desks by 15°, Delete removes, Escape clears the selection.
 * Ctrl+Z undoes, Ctrl+Shift+Z (or Ctrl+Y) redoes, Ctrl+D duplicates, Ctrl+C and Ctrl+V copy and paste.
 * It listens in the capture phase so that, while something is selected, arrows edit instead of
 * moving focus or walking.
 */
import { useEffect } from 'react'
import { typingIn } from '../floor/useFloorKeys.ts'
import { moveItems, resizeRoom, rotateDesks } from './arrange.ts'
import type { Editor } from './editor.ts'

const ARROWS: Record<string, [number, number]> = { ArrowLeft: [-1, 0], ArrowRight: [1, 0], ArrowUp: [0, -1], ArrowDown: [0, 1] }

export function useEditorKeys(editor: Editor, editing: boolean) {
  useEffect(() => {
    if (!editing) return
    const onKey = (e: KeyboardEvent) => {
      if (typingIn(e.target)) return
      const { selection, grid } = editor.store.getState()
      const floor = editor.floor()
      const mod = e.ctrlKey || e.metaKey
      // In the editor's own panels, Escape, Delete and the arrows belong to the panel's controls.
      if (!mod && e.target instanceof HTMLElement && e.target.closest('.editor-top, .editor-side')) return
      const key = e.key.toLowerCase()
      let action: (() => unknown) | null = null
      if (mod && key === 'z') action = e.shiftKey ? editor.redo : editor.undo
      else if (mod && key === 'y') action = editor.redo
      else if (mod && key === 'd') action = editor.duplicate
      else if (mod && key === 'c') action = editor.copy
      else if (mod && key === 'v') action = editor.paste
      else if (mod) return
      else if (e.key === 'Escape' && selection.length) action = () => editor.select([])
      else if ((e.key === 'Delete' || e.key === 'Backspace') && selection.length) action = editor.removeSelected
      else if (key === 'r' && selection.length && floor) action = () => editor.apply(rotateDesks(floor, [...selection], e.shiftKey ? -15 : 15))
      else if (ARROWS[e.key] && selection.length && floor) {
        const [dx, dy] = ARROWS[e.key]!
        if (e.altKey) {
          const room = selection.length === 1 ? floor.rooms.find((r) => r.id === selection[0]) : undefined
          if (room) action = () => editor.apply(resizeRoom(floor, room.id, 'se', dx * grid, dy * grid), { continues: e.repeat })
        } else {
          const step = e.shiftKey ? grid * 10 : grid
          // A held key repeats: its steps are one gesture, undone in one go.
          action = () => editor.apply(moveItems(floor, [...selection], dx * step, dy * step), { continues: e.repeat })
        }
      }
      if (!action) return
      e.preventDefault()
      e.stopPropagation()
      void action()
    }
    window.addEventListener('keydown', onKey, true)
    return () => window.removeEventListener('keydown', onKey, true)
  }, [editor, editing])
}
