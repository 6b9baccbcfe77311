/**
 * The walkers' canvas over the floor: other people's glides drawn on it (painted-glides.ts,
 * walkers-canvas.ts) under the floor's camera. Its code loads after the floor is on screen (it is
 * not part of the start-up bundle); until then glides run as Web Animations.
 */
import { useCallback, useEffect, useLayoutEffect, useRef } from 'react'
import type { Camera } from './camera.ts'
import type { Motion } from './motion.ts'
import type { PaintedGlides } from './painted-glides.ts'
import type { WalkersCanvas } from './walkers-canvas.ts'

/** `shown`: whether the floor (and so the canvas) is on screen. */
export function useWalkersCanvas(motion: Motion, camera: Camera, shown: boolean) {
  const canvas = useRef<HTMLCanvasElement>(null)
  const floor = useRef<HTMLDivElement>(null)
  const painter = useRef<WalkersCanvas | null>(null)
  const glides = useRef<PaintedGlides | null>(null)
  const latest = useRef(camera)
  latest.current = camera
  useEffect(() => {
    if (!shown) return
    let gone = false
    void import('./painted-glides.ts').then(({ paintOn }) => {
      if (gone || !canvas.current || !floor.current) return
      ;[painter.current, glides.current] = paintOn(motion, canvas.current, floor.current, latest.current)
    })
    return () => {
      gone = true
      glides.current?.stop()
      painter.current?.dispose()
      glides.current = null
      painter.current = null
    }
  }, [motion, shown])
  useLayoutEffect(() => painter.current?.setCamera(camera), [camera])
  /** Who is drawn on the canvas at floor point (x, y), if anyone. */
  const walkerAt = useCallback((x: number, y: number) => glides.current?.walkerAt(x, y), [])
  const press = useCallback((e: { clientX: number; clientY: number }) => glides.current?.press(e.clientX, e.clientY), [])
  /** Who a click on the floor picks (painted-glides.ts); the canvas covers the viewport. */
  const pick = useCallback((e: MouseEvent) => (canvas.current?.parentElement ? glides.current?.pick(e, canvas.current.parentElement, latest.current) : undefined), [])
  return { canvas, floor, walkerAt, press, pick }
}
