/**
 * Pointer and wheel on the floor viewport: drag the background to pan, wheel or pinch to zoom at
 * the pointer, and a click (no drag) on empty floor walks there.
 */
import { useEffect, useRef, type PointerEvent as ReactPointerEvent } from 'react'
import { toWorld, type Camera } from './camera.ts'

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

  // React's wheel listener is passive; zooming must stop the page (and Chromium) from zooming too.
  useEffect(() => {
    const el = opts.viewport.current
    if (!el) return
    const onWheel = (e: WheelEvent) => {
      e.preventDefault()
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

  return {
    onPointerDown(e: ReactPointerEvent) {
      // Buttons (rooms, desks, people) handle their own clicks.
      if ((e.target as HTMLElement).closest('button')) return
      ;(e.currentTarget as HTMLElement).setPointerCapture(e.pointerId)
      pointers.current.set(e.pointerId, local(e))
      drag.current = { ...local(e), moved: false }
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
      }
    },
    onPointerCancel(e: ReactPointerEvent) {
      pointers.current.delete(e.pointerId)
      drag.current = null
    },
  }
}
