/**
 * How the board groups people: by company (the companies store's word, which notices keep live),
 * or by floor (the floor of the desk assigned to them). Pure, so that it is tested as a table.
 */
import type { Member } from '../../protocol/api.ts'
import type { Company } from '../../protocol/companies.ts'
import type { Floor } from '../../protocol/floor/records.ts'

export type Grouping = 'company' | 'floor'

export interface BoardGroup {
  key: string
  name: string
  /** Member ids, by name. */
  people: string[]
}

const NO_COMPANY = 'No company'
const NO_DESK = 'No desk'

/**
 * The groups of `members` (guests are never on the board), in the order people would look for
 * them: companies by name or floors in their order, then those in none. Empty groups are left out.
 */
export function groupPeople(members: readonly Member[], by: Grouping, companies: readonly Company[], floors: readonly Floor[]): BoardGroup[] {
  const people = members.filter((m) => m.role !== 'guest').sort((a, b) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id))
  const order: { key: string; name: string }[] =
    by === 'company' ? [...companies].sort((a, b) => a.name.localeCompare(b.name)).map((c) => ({ key: c.id, name: c.name })) : floors.map((f) => ({ key: f.id, name: f.name }))
  const keyOf = new Map<string, string>()
  if (by === 'company') {
    for (const c of companies) for (const id of c.members) keyOf.set(id, c.id)
  } else {
    for (const f of floors) for (const d of f.desks) if (d.assigneeId) keyOf.set(d.assigneeId, f.id)
  }
  const none = by === 'company' ? NO_COMPANY : NO_DESK
  const groups = new Map<string, BoardGroup>([...order.map((g): [string, BoardGroup] => [g.key, { ...g, people: [] }]), ['', { key: '', name: none, people: [] }]])
  for (const m of people) groups.get(keyOf.get(m.id) ?? '')?.people.push(m.id)
  return [...groups.values()].filter((g) => g.people.length > 0)
}
