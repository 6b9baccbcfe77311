/** "Last seen" as a host reads it: online now, a relative time for the last week, then a date. */

const MINUTE = 60_000
const HOUR = 60 * MINUTE
const DAY = 24 * HOUR
const relative = new Intl.RelativeTimeFormat('en', { numeric: 'auto' })

/**
 * @param online whether the member is in the lobby right now
 * @param at the latest time anyone saw them (epoch ms), or null when never
 */
export function lastSeenText(online: boolean, at: number | null, now: number): string {
  if (online) return 'online now'
  if (at === null) return 'never'
  const ago = Math.max(0, now - at)
  if (ago < MINUTE) return 'just now'
  if (ago < HOUR) return relative.format(-Math.floor(ago / MINUTE), 'minute')
  if (ago < DAY) return relative.format(-Math.floor(ago / HOUR), 'hour')
  if (ago < 7 * DAY) return relative.format(-Math.floor(ago / DAY), 'day')
  return new Date(at).toLocaleDateString()
}
