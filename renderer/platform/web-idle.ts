/**
 * Idle detection in a plain browser, where the OS idle time is unknown: no keyboard or pointer input
 * for a while, or the page hidden for a while, is 'idle'; input or the page coming back is 'active'.
 */
import type { IdleState } from '../../protocol/ipc.ts'

export const WEB_IDLE_AFTER_MS = 10 * 60_000

export function watchWebIdle(onChange: (state: IdleState) => void, idleAfterMs = WEB_IDLE_AFTER_MS): () => void {
  let state: IdleState = 'active'
  let timer: ReturnType<typeof setTimeout> | null = null
  const set = (next: IdleState) => {
    if (next === state) return
    state = next
    onChange(next)
  }
  const arm = () => {
    if (timer) clearTimeout(timer)
    timer = setTimeout(() => set('idle'), idleAfterMs)
  }
  // Input events fire often; re-arming a timer is all they cost.
  const activity = () => {
    set('active')
    arm()
  }
  const visibility = () => (document.hidden ? arm() : activity())
  const inputs = ['keydown', 'pointerdown', 'pointermove', 'wheel'] as const
  for (const e of inputs) window.addEventListener(e, activity, { passive: true })
  document.addEventListener('visibilitychange', visibility)
  arm()
  return () => {
    if (timer) clearTimeout(timer)
    for (const e of inputs) window.removeEventListener(e, activity)
    document.removeEventListener('visibilitychange', visibility)
  }
}
