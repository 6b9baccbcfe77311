/** Adds a floor: a name, and what it starts as (empty, or one of the templates). */
import { useId, useState } from 'react'
import type { FloorTemplate } from '../../../protocol/api.ts'
import { floorTemplates } from '../../../protocol/floor/templates.ts'

const choices: { value: FloorTemplate | ''; label: string; description: string }[] = [
  { value: '', label: 'Empty', description: 'An empty floor to draw on.' },
  ...(Object.keys(floorTemplates) as FloorTemplate[]).map((value) => ({ value, ...floorTemplates[value] })),
]

export function AddFloorForm(props: { onAdd(name: string, template: FloorTemplate | undefined): Promise<string | null> }) {
  const id = useId()
  const [name, setName] = useState('')
  const [template, setTemplate] = useState<FloorTemplate | ''>('')
  const [busy, setBusy] = useState(false)

  return (
    <form
      aria-labelledby={`${id}-title`}
      className="add-floor"
      onSubmit={(e) => {
        e.preventDefault()
        const trimmed = name.trim()
        if (!trimmed || busy) return
        setBusy(true)
        void props
          .onAdd(trimmed, template || undefined)
          .then((refused) => {
            if (!refused) setName('')
          })
          .finally(() => setBusy(false))
      }}
    >
      <h3 id={`${id}-title`}>Add floor</h3>
      <div className="field">
        <label htmlFor={`${id}-name`}>Floor name</label>
        <input id={`${id}-name`} required maxLength={64} value={name} onChange={(e) => setName(e.target.value)} />
      </div>
      <fieldset className="template-choice">
        <legend>Start from</legend>
        {choices.map((c) => {
          const hint = `${id}-${c.value || 'empty'}`
          return (
            <div key={hint} className="template-option">
              <label className="check">
                <input type="radio" name={`${id}-template`} value={c.value} checked={template === c.value} aria-describedby={hint} onChange={() => setTemplate(c.value)} />
                {c.label}
              </label>
              <span id={hint} className="hint">
                {c.description}
              </span>
            </div>
          )
        })}
      </fieldset>
      <button type="submit" disabled={busy}>
        Add floor
      </button>
    </form>
  )
}
