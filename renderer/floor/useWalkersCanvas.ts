/**
 * The walkers' canvas over the floor (walkers-canvas.ts), drawing the motion engine's glides under
 * the floor's camera. Its code loads after the floor is on screen (it is not part of the start-up
 * bundle); until then glides run as Web Animations, as they did before.
 */
import { useEffect, useLayoutEffect, useRef } from 'react'
import type { Camera } from './camera.ts'
import type { Motion } from './motion.ts'
import type { WalkersCanvas } from './walkers-canvas.ts'

/** `shown`: whether the floor (and so the canvas) is on screen. Returns the refs for the canvas and the floor element. */
export function useWalkersCanvas(motion: Motion, camera: Camera, shown: boolean) {
  const canvas = useRef<HTMLCanvasElement>(null)
  const floor = useRef<HTMLDivElement>(null)
  const painter = useRef<WalkersCanvas | null>(null)
  const latest = useRef(camera)
  latest.current = camera
  useEffect(() => {
    if (!shown) return
    let stop: (() => void) | null = null
    let gone = false
    void import('./walkers-canvas.ts').then(({ createWalkersCanvas }) => {
      if (gone || !canvas.current || !floor.current) return
      const walkers = createWalkersCanvas(canvas.current, floor.current)
      walkers.setCamera(latest.current)
      painter.current = walkers
      const unpaint = motion.paintGlides(walkers)
      stop = () => {
        unpaint()
        walkers.dispose()
        painter.current = null
      }
    })
    return () => {
      gone = true
      stop?.()
    }
  }, [motion, shown])
  useLayoutEffect(() => painter.current?.setCamera(camera), [camera])
  return { canvas, floor }
}
