/**
 * The editor's toolbar while Edit floor is on: undo and redo, snap to grid, the draft (start,
 * publish, discard), and the last refusal said plainly. A polite live region says what is selected.
 */
import { useFloor } from '../app/context.tsx'
import { currentFloor } from '../stores/floor/selectors.ts'
import { describeSelection } from './selection-label.ts'
import { useEditor, useEditorState } from './useEditor.ts'

export function EditorBar() {
  const editor = useEditor()
  const canUndo = useEditorState((s) => s.canUndo)
  const canRedo = useEditorState((s) => s.canRedo)
  const snap = useEditorState((s) => s.snap)
  const draft = useEditorState((s) => s.draft)
  const message = useEditorState((s) => s.message)
  const selection = useEditorState((s) => s.selection)
  const preview = useEditorState((s) => s.preview)
  const live = useFloor(currentFloor)
  const floor = preview ?? live
  const drafting = draft !== null && draft.floorId === live?.id

  return (
    <div className="editor-bar" role="toolbar" aria-label="Floor editor">
      <button type="button" onClick={() => void editor.undo()} disabled={!canUndo} aria-keyshortcuts="Control+Z">
        Undo
      </button>
      <button type="button" onClick={() => void editor.redo()} disabled={!canRedo} aria-keyshortcuts="Control+Shift+Z">
        Redo
      </button>
      <button type="button" aria-pressed={snap} onClick={() => editor.store.getState().set({ snap: !snap })}>
        Snap to grid
      </button>
      {drafting ? (
        <>
          <span className="editor-draft-badge">Draft: {draft.ops.length} change{draft.ops.length === 1 ? '' : 's'}, only you see it</span>
          <button type="button" onClick={() => void editor.publishDraft()}>
            Publish
          </button>
          <button type="button" onClick={() => void editor.discardDraft()}>
            Discard draft
          </button>
        </>
      ) : (
        <button type="button" onClick={() => void editor.startDraft()}>
          Start draft
        </button>
      )}
      <p className="visually-hidden" aria-live="polite">
        {floor ? describeSelection(floor, selection) : ''}
      </p>
      {message && (
        <p className={`editor-message editor-message-${message.kind}`} role={message.kind === 'error' ? 'alert' : 'status'}>
          {message.text}
        </p>
      )}
    </div>
  )
}
