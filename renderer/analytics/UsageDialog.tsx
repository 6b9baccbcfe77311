/**
 * Space usage, for hosts: how many people were online, desks and rooms used and companies present,
 * per hour or per day over 1 to 30 days, as a chart and as a table (the same figures), with the
 * busiest rooms. A modal dialog: Escape closes it, and focus goes back to the button.
 */
import { useEffect, useRef, useState } from 'react'
import type { Usage } from '../../protocol/analytics.ts'
import { useComposition, useSession } from '../app/context.tsx'
import { fetchUsage } from './usage-api.ts'
import { UsageChart } from './UsageChart.tsx'
import './usage.css'

type Range = { days: number; bucket: 'hour' | 'day' }
const RANGES: { label: string; range: Range }[] = [
  { label: 'Today, by hour', range: { days: 1, bucket: 'hour' } },
  { label: 'Last 7 days, by hour', range: { days: 7, bucket: 'hour' } },
  { label: 'Last 30 days, by day', range: { days: 30, bucket: 'day' } },
]

const when = (t: number, bucket: Range['bucket']) =>
  new Date(t).toLocaleString(undefined, bucket === 'hour' ? { weekday: 'short', hour: '2-digit', minute: '2-digit' } : { weekday: 'short', day: 'numeric', month: 'short' })

export function UsageDialog({ onClose }: { onClose(): void }) {
  const { platform } = useComposition()
  const workspaceId = useSession((s) => s.workspace?.id ?? '')
  const token = useSession((s) => s.token)
  const [choice, setChoice] = useState(0)
  const [usage, setUsage] = useState<Usage | null>(null)
  const [error, setError] = useState<string | null>(null)
  const dialog = useRef<HTMLDialogElement>(null)
  const range = RANGES[choice]!.range

  useEffect(() => {
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null
    dialog.current?.showModal()
    return () => opener?.focus()
  }, [])
  useEffect(() => {
    let live = true
    setError(null)
    void (async () => {
      try {
        const { serverUrl } = await platform.config()
        const next = await fetchUsage(serverUrl, workspaceId, token, range)
        if (live) setUsage(next)
      } catch (err) {
        if (live) setError((err as Error).message)
      }
    })()
    return () => void (live = false)
  }, [platform, workspaceId, token, range])

  // Newest first in the table, and only buckets with anything in them (a month of empty hours says nothing).
  const rows = usage ? usage.starts.map((t, i) => ({ t, people: usage.people[i]!, desks: usage.desks[i]!, rooms: usage.rooms[i]!, companies: usage.companies[i]! })).filter((r) => r.people + r.rooms > 0).reverse() : []
  const peak = rows.reduce((m, r) => Math.max(m, r.people), 0)
  return (
    <dialog ref={dialog} className="dialog usage" aria-labelledby="usage-title" onClose={onClose}>
      <h2 id="usage-title">Space usage</h2>
      <label>
        Period{' '}
        <select value={choice} onChange={(e) => setChoice(Number(e.target.value))}>
          {RANGES.map((r, i) => (
            <option key={r.label} value={i}>
              {r.label}
            </option>
          ))}
        </select>
      </label>
      {error && (
        <p role="alert" className="form-error">
          Could not load the figures: {error}
        </p>
      )}
      {!usage && !error && <p role="status">Loading…</p>}
      {usage && (
        <>
          <UsageChart usage={usage} label={`People online, desks and rooms used and companies present, ${RANGES[choice]!.label.toLowerCase()}; at most ${peak} people at once. The figures are in the table below.`} />
          <section aria-labelledby="usage-rooms">
            <h3 id="usage-rooms">Busiest rooms</h3>
            {usage.roomHours.length === 0 ? (
              <p>Nobody has been in a room in this period.</p>
            ) : (
              <ol>
                {usage.roomHours.slice(0, 10).map((r) => (
                  <li key={r.roomId}>
                    {r.name}: {r.hours.toLocaleString(undefined, { maximumFractionDigits: 1 })} h
                  </li>
                ))}
              </ol>
            )}
          </section>
          <table className="usage-table">
            <caption>By {range.bucket}, newest first (periods with nobody are left out)</caption>
            <thead>
              <tr>
                <th scope="col">{range.bucket === 'hour' ? 'Hour' : 'Day'}</th>
                <th scope="col">People online</th>
                <th scope="col">Desks used</th>
                <th scope="col">Rooms used</th>
                <th scope="col">Companies</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.t}>
                  <th scope="row">{when(r.t, range.bucket)}</th>
                  <td>{r.people}</td>
                  <td>{r.desks}</td>
                  <td>{r.rooms}</td>
                  <td>{r.companies}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
      <button type="button" onClick={() => dialog.current?.close()}>
        Close
      </button>
    </dialog>
  )
}
