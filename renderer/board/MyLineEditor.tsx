/**
 * Your own working-on line and its link, in a textbox labelled "Working on". Saved on Save (or
 * Enter); what the server answers goes into the board store, so the region shows the server's word.
 */
import { useEffect, useState, type FormEvent } from 'react'
import { BOARD_LIMITS, type BoardEntry } from '../../protocol/board.ts'
import { describeError } from '../ui/errors.ts'
import type { BoardApi } from './board-api.ts'
import { boardStore } from './board-store.ts'
import { sinceText } from './format.ts'

export function MyLineEditor({ api, entry }: { api: BoardApi; entry: BoardEntry | undefined }) {
  const [text, setText] = useState(entry?.text ?? '')
  const [link, setLink] = useState(entry?.link ?? '')
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)
  // A change made elsewhere (another device) shows here, unless it would overwrite what is being typed.
  const [base, setBase] = useState({ text: entry?.text ?? '', link: entry?.link ?? '' })
  useEffect(() => {
    const next = { text: entry?.text ?? '', link: entry?.link ?? '' }
    if (text === base.text && link === base.link) {
      setText(next.text)
      setLink(next.link)
    }
    setBase(next)
    // Only the server's entry moves the base; the drafts are read as they were then.
  }, [entry?.text, entry?.link])

  const save = async (e: FormEvent) => {
    e.preventDefault()
    setBusy(true)
    setError(null)
    try {
      const saved = await api.setLine(text.trim(), link.trim() || null)
      boardStore.getState().put(saved)
      setText(saved.text)
      setLink(saved.link ?? '')
    } catch (err) {
      setError(describeError(err))
    } finally {
      setBusy(false)
    }
  }
  const dirty = text !== base.text || link !== base.link
  return (
    <form className="board-my-line" onSubmit={(e) => void save(e)}>
      <label>
        Working on
        <input type="text" value={text} maxLength={BOARD_LIMITS.text} placeholder="What are you working on?" onChange={(e) => setText(e.target.value)} />
      </label>
      <label>
        Link
        <input type="url" value={link} maxLength={BOARD_LIMITS.link} placeholder="https://…" onChange={(e) => setLink(e.target.value)} />
      </label>
      <button type="submit" disabled={busy || !dirty}>
        Save
      </button>
      {entry?.text && <span className="board-since">since {sinceText(entry.since)}</span>}
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
    </form>
  )
}
