/**
 * Usage per bucket (an hour or a day) from arrivals and departures: each (kind, place, member)'s
 * events become visits, and each visit counts in every bucket it overlaps. Pure: the route reads
 * the events, desks and companies and hands them here.
 */
import type { UsageEvent } from '../store/analytics-store.ts'

export interface UsageInput {
  events: readonly UsageEvent[]
  /** The window: [from, to). */
  from: number
  to: number
  bucketMs: number
  /** Each member's assigned desk. */
  deskOf: ReadonlyMap<string, string>
  /** Each member's company. */
  companyOf: ReadonlyMap<string, string>
}

export interface UsageCounts {
  starts: number[]
  people: number[]
  rooms: number[]
  desks: number[]
  companies: number[]
  /** Room id → milliseconds of presence summed over people. */
  roomMs: Map<string, number>
}

interface Visit {
  kind: UsageEvent['kind']
  placeId: string
  memberId: string
  start: number
  end: number
}

/** Visits from events ordered by time: an arrival opens one (again: still open), a departure closes it; open ones end at `to`. */
export function visitsOf(events: readonly UsageEvent[], from: number, to: number): Visit[] {
  const open = new Map<string, Visit>()
  const visits: Visit[] = []
  for (const e of events) {
    const key = `${e.kind}\u0000${e.placeId}\u0000${e.memberId}`
    const current = open.get(key)
    if (e.event === 'in') {
      if (!current) open.set(key, { kind: e.kind, placeId: e.placeId, memberId: e.memberId, start: Math.max(from, e.at), end: to })
    } else if (current) {
      open.delete(key)
      current.end = Math.min(to, e.at)
      if (current.end > current.start) visits.push(current)
    }
  }
  for (const v of open.values()) if (v.end > v.start) visits.push(v)
  return visits
}

export function countUsage(input: UsageInput): UsageCounts {
  const { from, to, bucketMs } = input
  const n = Math.max(0, Math.ceil((to - from) / bucketMs))
  const sets = Array.from({ length: n }, () => ({ people: new Set<string>(), rooms: new Set<string>(), desks: new Set<string>(), companies: new Set<string>() }))
  const roomMs = new Map<string, number>()
  for (const v of visitsOf(input.events, from, to)) {
    if (v.kind === 'room') roomMs.set(v.placeId, (roomMs.get(v.placeId) ?? 0) + (v.end - v.start))
    const first = Math.floor((v.start - from) / bucketMs)
    const last = Math.min(n - 1, Math.floor((v.end - 1 - from) / bucketMs))
    for (let i = Math.max(0, first); i <= last; i++) {
      const b = sets[i]!
      if (v.kind === 'room') {
        b.rooms.add(v.placeId)
        continue
      }
      b.people.add(v.memberId)
      const desk = input.deskOf.get(v.memberId)
      if (desk) b.desks.add(desk)
      const company = input.companyOf.get(v.memberId)
      if (company) b.companies.add(company)
    }
  }
  return {
    starts: sets.map((_, i) => from + i * bucketMs),
    people: sets.map((b) => b.people.size),
    rooms: sets.map((b) => b.rooms.size),
    desks: sets.map((b) => b.desks.size),
    companies: sets.map((b) => b.companies.size),
    roomMs,
  }
}
