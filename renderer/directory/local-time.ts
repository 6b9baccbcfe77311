/** Someone's local time from their IANA time zone, and a clock that moves on each minute. */
import { useEffect, useState } from 'react'

/** "14:05", or null when the zone is unknown to this browser. */
export function localTime(timeZone: string | null, now: number): string | null {
  if (!timeZone) return null
  try {
    return new Intl.DateTimeFormat(undefined, { timeZone, hour: '2-digit', minute: '2-digit' }).format(now)
  } catch {
    return null
  }
}

/** Every IANA time zone this browser knows, for the profile form. */
export const timeZones = (): string[] => (typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [])

export const isTimeZone = (name: string): boolean => localTime(name, 0) !== null

/** Now, again at the start of every minute. */
export function useMinute(): number {
  const [now, setNow] = useState(() => Date.now())
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout>
    const tick = () => {
      setNow(Date.now())
      timer = setTimeout(tick, 60_000 - (Date.now() % 60_000))
    }
    timer = setTimeout(tick, 60_000 - (Date.now() % 60_000))
    return () => clearTimeout(timer)
  }, [])
  return now
}
