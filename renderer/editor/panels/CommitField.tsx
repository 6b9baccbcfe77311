import { useId, useRef, useState, type KeyboardEvent } from 'react'

/**
 * A labelled text or number field that commits once, on Enter or on leaving it: one gesture, one
 * apply, one undo step. Escape puts the value back. A refusal stays beside the field (with the
 * typed text, so it can be fixed) until the next commit.
 */
export function CommitField(props: {
  label: string
  value: string
  type?: 'text' | 'number'
  min?: number
  max?: number
  autoFocus?: boolean
  /** Resolves with the reason when the change is refused, null when it is applied. */
  onCommit(text: string): Promise<string | null>
}) {
  const id = useId()
  const [draft, setDraft] = useState<string | null>(null)
  const [error, setError] = useState<string | null>(null)
  // Enter and the blur that may follow it would commit the same text twice.
  const busy = useRef(false)

  const commit = async () => {
    if (draft === null || busy.current) return
    if (draft === props.value) {
      setDraft(null)
      setError(null)
      return
    }
    busy.current = true
    const refused = await props.onCommit(draft).finally(() => (busy.current = false))
    setError(refused)
    if (!refused) setDraft(null)
  }
  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'Enter') {
      e.preventDefault()
      void commit()
    } else if (e.key === 'Escape' && (draft !== null || error)) {
      // Only this field's edit is cancelled; the editor's Escape (clear the selection) waits.
      e.stopPropagation()
      setDraft(null)
      setError(null)
    }
  }

  return (
    <div className="field">
      <label htmlFor={id}>{props.label}</label>
      <input
        id={id}
        type={props.type ?? 'text'}
        autoFocus={props.autoFocus}
        min={props.min}
        max={props.max}
        step={props.type === 'number' ? 1 : undefined}
        value={draft ?? props.value}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
        onChange={(e) => setDraft(e.target.value)}
        onKeyDown={onKeyDown}
        onBlur={() => void commit()}
      />
      {error && (
        // Described by the field, not a live region: the editor bar announces the refusal once.
        <p id={`${id}-error`} className="panel-error">
          {error}
        </p>
      )}
    </div>
  )
}
