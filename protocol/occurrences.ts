/**
 * The calendar's time arithmetic (issue 14), without schemas, so that the renderer's light parts
 * (the cards on rooms, reminders) take it without typebox: occurrences of weekly events, and where
 * two series first overlap. The server (clashes, feeds) and the renderer expand a series the same way.
 *
 * A weekly event repeats every 7 × 24 hours from its first start (times are UTC instants; across a
 * daylight-saving change its local time shifts by the change, as a fixed-duration rule does).
 */
export const WEEK_MS = 7 * 24 * 3_600_000
export const DAY_MS = 24 * 3_600_000
/** The largest time the wire carries (an endless series ends there). */
export const END_OF_TIME = 8_640_000_000_000
/** Most occurrences one expansion returns (a year of weeks, and some). */
export const MAX_OCCURRENCES = 600

export interface Series {
  startsAt: number
  endsAt: number
  /** Weekly events: the last start allowed (null: no end). Absent or undefined: one occurrence. */
  repeat?: { until: number | null } | null
}
export interface Occurrence {
  startsAt: number
  endsAt: number
}

/** When the last occurrence of a series ends (END_OF_TIME for an endless one). */
export function seriesEnd(s: Series): number {
  if (!s.repeat) return s.endsAt
  if (s.repeat.until === null) return END_OF_TIME
  const weeks = Math.max(0, Math.floor((s.repeat.until - s.startsAt) / WEEK_MS))
  return s.endsAt + weeks * WEEK_MS
}

/** The occurrences of `s` that overlap [from, to), earliest first, at most MAX_OCCURRENCES. */
export function occurrences(s: Series, from: number, to: number): Occurrence[] {
  const length = s.endsAt - s.startsAt
  if (!s.repeat) return s.startsAt < to && s.endsAt > from ? [{ startsAt: s.startsAt, endsAt: s.endsAt }] : []
  const last = s.repeat.until === null ? Infinity : s.repeat.until
  // The first week whose occurrence may still be running at `from`.
  let k = Math.max(0, Math.floor((from - length - s.startsAt) / WEEK_MS))
  const out: Occurrence[] = []
  for (; out.length < MAX_OCCURRENCES; k++) {
    const start = s.startsAt + k * WEEK_MS
    if (start >= to || start > last) break
    if (start + length > from) out.push({ startsAt: start, endsAt: start + length })
  }
  return out
}

/** The first occurrence of `a` that overlaps one of `b`, or null (both weekly series included). */
export function firstOverlap(a: Series, b: Series, from: number): { mine: Occurrence; theirs: Occurrence } | null {
  const to = Math.min(seriesEnd(a), seriesEnd(b))
  const start = Math.max(from, a.startsAt, b.startsAt) - WEEK_MS
  if (to <= start) return null
  // Two weekly series that overlap once overlap every week: a year ahead is enough to find the first.
  const horizon = Math.min(to, start + 54 * WEEK_MS)
  const theirs = occurrences(b, start, horizon)
  for (const mine of occurrences(a, start, horizon)) {
    const clash = theirs.find((o) => o.startsAt < mine.endsAt && mine.startsAt < o.endsAt)
    if (clash && clash.endsAt > from) return { mine, theirs: clash }
  }
  return null
}
