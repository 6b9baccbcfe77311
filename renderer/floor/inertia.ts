/**
 * Inertia for panning: a drag released while moving keeps gliding and slows down, as a sheet of
 * paper slid across a desk. Velocity is taken from the last moments of the drag; each frame moves
 * by velocity × dt and the velocity decays exponentially, so the glide is frame-rate independent.
 */
export interface Velocity {
  vx: number
  vy: number
}

/** Velocity halves every this many milliseconds. */
export const HALF_LIFE_MS = 110
/** Below this speed (px/ms) the glide stops: a hand at rest lets go without a drift. */
export const MIN_SPEED = 0.05
/** Only the drag's last this many milliseconds count towards its release velocity. */
export const SAMPLE_MS = 80

export interface Sample {
  x: number
  y: number
  t: number
}

/** The release velocity (px/ms) from pointer samples, oldest first; zero if the pointer had stopped. */
export function releaseVelocity(samples: readonly Sample[], now: number): Velocity {
  const recent = samples.filter((s) => now - s.t <= SAMPLE_MS)
  const first = recent[0]
  const last = recent[recent.length - 1]
  if (!first || !last || last.t - first.t < 8) return { vx: 0, vy: 0 }
  const dt = last.t - first.t
  return { vx: (last.x - first.x) / dt, vy: (last.y - first.y) / dt }
}

/** One frame of the glide: how far to pan, and the velocity after `dt` ms (null when it has stopped). */
export function glideStep(v: Velocity, dt: number): { dx: number; dy: number; next: Velocity | null } {
  const decay = 0.5 ** (dt / HALF_LIFE_MS)
  // The exact integral of v·decay(t) over dt, so long frames do not overshoot.
  const k = (HALF_LIFE_MS / Math.LN2) * (1 - decay)
  const next = { vx: v.vx * decay, vy: v.vy * decay }
  return { dx: v.vx * k, dy: v.vy * k, next: Math.hypot(next.vx, next.vy) < MIN_SPEED ? null : next }
}

/** The whole distance a glide covers from velocity v (its limit as time goes on, ignoring the stop). */
export const glideDistance = (v: Velocity) => ({ dx: (v.vx * HALF_LIFE_MS) / Math.LN2, dy: (v.vy * HALF_LIFE_MS) / Math.LN2 })

/** Gliding is motion: members who ask for reduced motion get a plain stop on release. */
export const reducedMotion = () => typeof matchMedia === 'function' && matchMedia('(prefers-reduced-motion: reduce)').matches
