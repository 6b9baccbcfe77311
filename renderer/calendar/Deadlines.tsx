/** All-day deadlines (kept in the events store, live): hosts set the space's, a company's admins their company's; who set one (or a host) removes it. */
import { useState, type FormEvent } from 'react'
import type { Deadline } from '../../protocol/calendar.ts'
import { atLeast } from '../../protocol/rules.ts'
import { useStore } from 'zustand'
import { useSession } from '../app/context.tsx'
import { companiesStore, companyOf } from '../companies/companies-store.ts'
import { eventsStore } from '../events/events-store.ts'
import { describeError } from '../ui/errors.ts'
import { Field } from '../ui/Field.tsx'
import type { CalendarApi } from './calendar-api.ts'
import { toDayInput } from './format.ts'

export function Deadlines({ api, deadlines }: { api: CalendarApi; deadlines: readonly Deadline[] }) {
  const me = useSession((s) => s.me)
  const [error, setError] = useState<string | null>(null)
  // The member's company as the companies store holds it (kept live by company notices): its one owner on the client.
  const company = useStore(companiesStore, (s) => (me ? companyOf(s, me.id) : null))
  if (!me) return null
  const host = atLeast(me.role, 'host')
  const create = (ev: FormEvent<HTMLFormElement>) => {
    ev.preventDefault()
    const form = ev.currentTarget
    const d = new FormData(form)
    setError(null)
    const forCompany = d.get('scope') === 'company' && company
    api.createDeadline({ title: String(d.get('title')).trim(), day: String(d.get('day')), ...(forCompany ? { companyId: company } : {}) }).then((made) => {
      eventsStore.getState().putDeadline(made)
      form.reset()
    }, (err: unknown) => setError(describeError(err)))
  }
  const remove = (id: string) => api.deleteDeadline(id).then(() => eventsStore.getState().dropDeadline(id), (err: unknown) => setError(describeError(err)))
  return (
    <section className="calendar-deadlines" aria-labelledby="calendar-deadlines-title">
      <h3 id="calendar-deadlines-title">Deadlines</h3>
      <ul>
        {deadlines.map((d) => (
          <li key={d.id}>
            {d.day} · {d.title} {d.companyId ? '(your company)' : '(everyone)'}
            {(host || d.createdBy === me.id) && (
              <button type="button" aria-label={`Remove the deadline ${d.title}`} onClick={() => void remove(d.id)}>
                ×
              </button>
            )}
          </li>
        ))}
      </ul>
      {(host || company) && (
        <form aria-label="New deadline" onSubmit={create}>
          <Field label="Deadline" name="title" required maxLength={120} />
          <Field label="Day" name="day" type="date" required defaultValue={toDayInput(Date.now())} />
          <label className="field">
            For
            <select name="scope" defaultValue={host ? 'space' : 'company'}>
              {host && <option value="space">Everyone in the space</option>}
              {company && <option value="company">My company</option>}
            </select>
          </label>
          {error && (
            <p className="form-error" role="alert">
              {error}
            </p>
          )}
          <button type="submit">Add deadline</button>
        </form>
      )}
    </section>
  )
}
