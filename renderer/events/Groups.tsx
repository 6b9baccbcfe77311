/** Interest groups: join and leave them, or make one (with its channel in the chat). */
import { useState, type FormEvent } from 'react'
import { useStore } from 'zustand'
import { useSession } from '../app/context.tsx'
import { describeError } from '../ui/errors.ts'
import { Field } from '../ui/Field.tsx'
import { useEventsApi } from './context.tsx'
import { eventsStore } from './events-store.ts'

export function Groups() {
  const api = useEventsApi()
  const me = useSession((s) => s.me)
  const groups = useStore(eventsStore, (s) => s.groups)
  const [error, setError] = useState<string | null>(null)
  if (!me) return null
  const list = Object.values(groups).sort((a, b) => a.name.localeCompare(b.name))
  const put = (work: Promise<unknown>) => {
    setError(null)
    work.catch((err: unknown) => setError(describeError(err)))
  }
  const create = (ev: FormEvent<HTMLFormElement>) => {
    ev.preventDefault()
    const form = ev.currentTarget
    const d = new FormData(form)
    put(api.createGroup(String(d.get('name')).trim(), String(d.get('description') ?? '')).then((g) => {
      eventsStore.getState().putGroup(g)
      form.reset()
    }))
  }
  return (
    <section className="groups" aria-labelledby="groups-title">
      <h2 id="groups-title">Interest groups</h2>
      <ul className="groups-list">
        {list.map((g) => {
          const inIt = g.members.includes(me.id)
          return (
            <li key={g.id} aria-label={g.name}>
              <strong>{g.name}</strong> · {g.members.length} member{g.members.length === 1 ? '' : 's'}
              {g.description && <p>{g.description}</p>}
              <button type="button" aria-label={inIt ? `Leave ${g.name}` : `Join ${g.name}`} onClick={() => put(api.setMembership(g.id, !inIt).then((c) => eventsStore.getState().putGroup(c)))}>
                {inIt ? 'Leave' : 'Join'}
              </button>
            </li>
          )
        })}
      </ul>
      <form aria-label="New interest group" onSubmit={create}>
        <Field label="Group name" name="name" required maxLength={64} />
        <Field label="About the group" name="description" maxLength={500} />
        {error && (
          <p className="form-error" role="alert">
            {error}
          </p>
        )}
        <button type="submit">Create group</button>
      </form>
    </section>
  )
}
