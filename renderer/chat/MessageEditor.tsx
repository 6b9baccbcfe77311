/** Editing one's own message in place: Enter saves, Shift+Enter is a new line, Escape cancels. */
import { useState } from 'react'
import { MAX_MESSAGE_CHARS } from '../../protocol/chat.ts'
import { failure } from './hooks.ts'

export function MessageEditor({ initial, onSave, onCancel }: { initial: string; onSave(body: string): Promise<void>; onCancel(): void }) {
  const [body, setBody] = useState(initial)
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const save = async () => {
    const text = body.trim()
    if (!text || busy) return
    if (text === initial.trim()) return onCancel()
    setBusy(true)
    try {
      await onSave(text)
    } catch (err) {
      setError(failure(err))
      setBusy(false)
    }
  }
  return (
    <div className="chat-edit">
      <textarea
        autoFocus
        aria-label="Edit message"
        value={body}
        maxLength={MAX_MESSAGE_CHARS}
        rows={Math.min(8, body.split('\n').length + 1)}
        onChange={(e) => setBody(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Escape') {
            e.preventDefault()
            onCancel()
          } else if (e.key === 'Enter' && !e.shiftKey && !e.nativeEvent.isComposing) {
            e.preventDefault()
            void save()
          }
        }}
      />
      <div className="chat-row">
        <button type="button" onClick={() => void save()} disabled={busy}>
          Save
        </button>
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
      </div>
      {error && <p role="alert" className="form-error">{error}</p>}
    </div>
  )
}
