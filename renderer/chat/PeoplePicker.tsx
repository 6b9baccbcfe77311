/** Checkboxes of people to pick (a DM's or a private channel's), filtered by name, at most `max`. */
import { useState } from 'react'
import type { Member } from '../../protocol/api.ts'

interface Props {
  label: string
  members: Readonly<Record<string, Member>>
  exclude: string | null
  chosen: readonly string[]
  onChange(ids: string[]): void
  max: number
}

export function PeoplePicker({ label, members, exclude, chosen, onChange, max }: Props) {
  const [filter, setFilter] = useState('')
  const q = filter.trim().toLowerCase()
  const people = Object.values(members)
    .filter((m) => m.id !== exclude && m.role !== 'guest' && (!q || m.name.toLowerCase().includes(q) || chosen.includes(m.id)))
    .sort((a, b) => a.name.localeCompare(b.name))
  const full = chosen.length >= max
  return (
    <fieldset className="chat-people">
      <legend>{label}</legend>
      <input type="search" aria-label="Find people" placeholder="Find people" value={filter} onChange={(e) => setFilter(e.target.value)} />
      <ul>
        {people.map((m) => {
          const on = chosen.includes(m.id)
          return (
            <li key={m.id}>
              <label>
                <input type="checkbox" checked={on} disabled={!on && full} onChange={() => onChange(on ? chosen.filter((id) => id !== m.id) : [...chosen, m.id])} /> <bdi>{m.name}</bdi>
              </label>
            </li>
          )
        })}
      </ul>
      <p className="where" aria-live="polite">
        {chosen.length} of at most {max} chosen
      </p>
    </fieldset>
  )
}
