/**
 * Pointer and wheel on the floor viewport: drag the background to pan (released while moving, it
 * glides on and slows down, unless reduced motion is asked for), wheel or pinch to zoom at the
 * pointer, and a click (no drag) on empty floor walks there.
 */
import { useEffect, useRef, type PointerEvent as ReactPointerEvent } from 'react'
import { toWorld, type Camera } from './camera.ts'
import { glideStep, reducedMotion, releaseVelocity, type Sample, type Velocity } from './inertia.ts'

const DRAG_PX = 5

export function usePointerCamera(opts: {
  viewport: React.RefObject<HTMLElement | null>
  camera: Camera
  zoomBy(factor: number, sx?: number, sy?: number): void
  pan(dx: number, dy: number): void
  onSpot(x: number, y: number): void
}) {
  const pointers = useRef(new Map<number, { x: number; y: number }>())
  const drag = useRef<{ x: number; y: number; moved: boolean } | null>(null)
  const latest = useRef(opts)
  latest.current = opts
  const samples = useRef<Sample[]>([])
  const frame = useRef<number | null>(null)
  const stopGlide = () => {
    if (frame.current !== null) cancelAnimationFrame(frame.current)
    frame.current = null
  }
  const startGlide = (v: Velocity) => {
    let last = performance.now()
    const tick = (now: number) => {
      const step = glideStep(v, Math.min(50, Math.max(0, now - last)))
      last = now
      latest.current.pan(step.dx, step.dy)
      frame.current = step.next ? requestAnimationFrame(tick) : null
      if (step.next) v = step.next
    }
    frame.current = requestAnimationFrame(tick)
  }
  useEffect(() => stopGlide, [])

  // React's wheel listener is passive; zooming must stop the page (and Chromium) from zooming too.
  useEffect(() => {
    const el = opts.viewport.current
    if (!el) return
    const onWheel = (e: WheelEvent) => {
      e.preventDefault()
      stopGlide()
      const rect = el.getBoundingClientRect()
      const strength = e.ctrlKey ? 0.01 : 0.0015 // trackpad pinch arrives as ctrl+wheel with small deltas
      latest.current.zoomBy(Math.exp(-e.deltaY * strength), e.clientX - rect.left, e.clientY - rect.top)
    }
    el.addEventListener('wheel', onWheel, { passive: false })
    return () => el.removeEventListener('wheel', onWheel)
  }, [opts.viewport])

  const local = (e: ReactPointerEvent) => {
    const rect = (e.currentTarget as HTMLElement).getBoundingClientRect()
    return { x: e.clientX - rect.left, y: e.clientY - rect.top }
  }

  const handlers = {
    onPointerDown(e: ReactPointerEvent) {
      stopGlide()
      // Buttons (rooms, desks, people) handle their own clicks.
      if ((e.target as HTMLElement).closest('button')) return
      ;(e.currentTarget as HTMLElement).setPointerCapture(e.pointerId)
      pointers.current.set(e.pointerId, local(e))
      drag.current = { ...local(e), moved: false }
      samples.current = [{ ...local(e), t: e.timeStamp }]
    },
    onPointerMove(e: ReactPointerEvent) {
      const prev = pointers.current.get(e.pointerId)
      if (!prev) return
      const at = local(e)
      if (pointers.current.size === 2) {
        // Pinch: zoom by the change in distance between the two fingers, around their midpoint.
        const [a, b] = [...pointers.current.entries()].map(([id, p]) => (id === e.pointerId ? at : p)) as [{ x: number; y: number }, { x: number; y: number }]
        const [oa, ob] = [...pointers.current.values()] as [{ x: number; y: number }, { x: number; y: number }]
        const factor = Math.hypot(a.x - b.x, a.y - b.y) / Math.max(1, Math.hypot(oa.x - ob.x, oa.y - ob.y))
        latest.current.zoomBy(factor, (a.x + b.x) / 2, (a.y + b.y) / 2)
        if (drag.current) drag.current.moved = true
      } else if (drag.current) {
        if (!drag.current.moved && Math.hypot(at.x - drag.current.x, at.y - drag.current.y) < DRAG_PX) return
        drag.current.moved = true
        latest.current.pan(at.x - prev.x, at.y - prev.y)
        samples.current.push({ ...at, t: e.timeStamp })
        if (samples.current.length > 16) samples.current.shift()
      }
      pointers.current.set(e.pointerId, at)
    },
    onPointerUp(e: ReactPointerEvent) {
      pointers.current.delete(e.pointerId)
      const d = drag.current
      if (pointers.current.size > 0) return
      drag.current = null
      if (d && !d.moved) {
        const world = toWorld(latest.current.camera, d.x, d.y)
        latest.current.onSpot(world.x, world.y)
      } else if (d && !reducedMotion()) {
        const v = releaseVelocity(samples.current, e.timeStamp)
        if (glideStep(v, 0).next) startGlide(v)
      }
    },
    onPointerCancel(e: ReactPointerEvent) {
      pointers.current.delete(e.pointerId)
      drag.current = null
    },
  }
  /** `stop` ends a glide, for whatever moves the camera on purpose (Find me, the minimap). */
  return { handlers, stop: stopGlide }
}
