/** A person's connection quality (LiveKit's rating, or what arrives from them): three bars, and its name for screen readers. */
import { ConnectionQuality } from 'livekit-client'

const BARS: Record<ConnectionQuality, number> = {
  [ConnectionQuality.Excellent]: 3,
  [ConnectionQuality.Good]: 2,
  [ConnectionQuality.Poor]: 1,
  [ConnectionQuality.Lost]: 0,
  [ConnectionQuality.Unknown]: -1,
}

export function QualityBars({ quality }: { quality: ConnectionQuality }) {
  const bars = BARS[quality]
  // Unknown until the first measurement: nothing to say yet.
  if (bars < 0) return null
  return (
    <span className={`quality quality-${quality}`} role="img" aria-label={`Connection ${quality}`} title={`Connection ${quality}`}>
      {[1, 2, 3].map((n) => (
        <span key={n} className={n <= bars ? 'quality-bar quality-on' : 'quality-bar'} />
      ))}
    </span>
  )
}
