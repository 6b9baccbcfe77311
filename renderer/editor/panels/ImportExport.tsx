/**
 * Export the floor on screen as a floor file, or replace it with one. The import is one gesture
 * (one undo step); a file that is not a valid floor is refused with the offending field named.
 */
import { useId, useState, type ChangeEvent } from 'react'
import { useEditor, useEditorState } from '../useEditor.ts'
import { useShownFloor } from './useShownFloor.ts'
import './panels.css'

/** Characters no file system accepts in a name become dashes; the rest of the floor's name stays. */
const fileName = (name: string) => `${name.replace(/[\\/:*?"<>|]+/g, '-')}.floor.json`

export function ImportExport() {
  const editor = useEditor()
  const editing = useEditorState((s) => s.editing)
  const floor = useShownFloor()
  const id = useId()
  const [result, setResult] = useState<{ ok: boolean; text: string } | null>(null)
  const [busy, setBusy] = useState(false)
  if (!editing || !floor) return null

  const download = () => {
    const text = editor.exportFloor()
    if (text === null) return
    const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }))
    const link = document.createElement('a')
    link.href = url
    link.download = fileName(floor.name)
    link.click()
    // The click has handed the blob to the download; the URL is not needed after this task.
    setTimeout(() => URL.revokeObjectURL(url), 0)
    setResult(null)
  }
  const upload = async (e: ChangeEvent<HTMLInputElement>) => {
    const input = e.currentTarget
    const file = input.files?.[0]
    if (!file || busy) return
    // The last file's refusal is about that file: it goes as soon as another is chosen.
    setResult(null)
    setBusy(true)
    try {
      const ok = await editor.importFloor(await file.text())
      const refusal = editor.store.getState().message?.text ?? 'That file is not a floor file'
      // Said here, beside the file input: the editor bar need not announce it a second time.
      if (!ok) editor.store.getState().set({ message: null })
      setResult(ok ? { ok, text: `Imported ${file.name} onto ${floor.name}` } : { ok, text: refusal })
    } catch (err) {
      setResult({ ok: false, text: `Could not read ${file.name}: ${(err as Error).message}` })
    } finally {
      setBusy(false)
      // Choosing the same file again (after fixing it) must fire another change.
      input.value = ''
    }
  }

  return (
    <div role="group" aria-label="Import and export" className="panel import-export">
      <button type="button" onClick={download}>
        Export floor
      </button>
      <div className="field">
        <label htmlFor={`${id}-file`}>Import floor</label>
        <input id={`${id}-file`} type="file" accept=".json,application/json" aria-busy={busy || undefined} aria-describedby={result ? `${id}-result` : undefined} onChange={(e) => void upload(e)} />
      </div>
      {result && (
        <p id={`${id}-result`} role={result.ok ? 'status' : 'alert'} className={result.ok ? 'hint' : 'panel-error'}>
          {result.text}
        </p>
      )}
    </div>
  )
}
