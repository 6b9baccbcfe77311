/**
 * Panel gestures: apply ops as one undo step, or run an editor action, and hand back why it was
 * refused (the editor's own message, naming the object or field), or null when it went through.
 */
import { useCallback } from 'react'
import type { FloorOp } from '../../../protocol/floor/ops.ts'
import { useEditor } from '../useEditor.ts'

export function useCommit(): (ops: readonly FloorOp[]) => Promise<string | null> {
  const editor = useEditor()
  return useCallback(
    async (ops) => ((await editor.apply(ops)) ? null : (editor.store.getState().message?.text ?? 'That change was refused')),
    [editor],
  )
}

/** For actions that report only through the editor's message: a new error message means a refusal. */
export function useEditorAction(): (action: () => Promise<unknown>) => Promise<string | null> {
  const editor = useEditor()
  return useCallback(
    async (action) => {
      const before = editor.store.getState().message
      await action()
      const after = editor.store.getState().message
      return after && after !== before && after.kind === 'error' ? after.text : null
    },
    [editor],
  )
}
