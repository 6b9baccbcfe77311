/** The floor camera as React state: fits the floor until the member zooms or pans it themselves. */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react'
import { centreOn, fitCamera, follow, panBy, zoomAt, type Camera } from './camera.ts'

export interface CameraActions {
  fit(): void
  zoomBy(factor: number, sx?: number, sy?: number): void
  pan(dx: number, dy: number): void
  /** Keeps a floor point in view (keyboard focus, own avatar), moving as little as possible. */
  reveal(x: number, y: number): void
  /** Puts a floor point at the middle of the viewport ("Find me", the minimap). */
  centre(x: number, y: number): void
}

export function useCamera(floor: { id: string; width: number; height: number } | null) {
  const viewport = useRef<HTMLDivElement>(null)
  const [camera, setCamera] = useState<Camera>({ x: 0, y: 0, zoom: 1 })
  const userMoved = useRef(false)
  const size = () => ({ width: viewport.current?.clientWidth ?? 800, height: viewport.current?.clientHeight ?? 600 })
  // The viewport's size as state, for what is drawn from it (the minimap's view rectangle).
  const [view, setView] = useState({ width: 800, height: 600 })

  // Refit only when the floor's identity or size changes, not on every edit of its contents.
  const shape = floor ? `${floor.id}:${floor.width}x${floor.height}` : ''
  const fit = useCallback(() => {
    const [, w, h] = /:(.+)x(.+)$/.exec(shape) ?? []
    if (!w || !h) return
    userMoved.current = false
    setCamera(fitCamera(size(), { width: Number(w), height: Number(h) }))
  }, [shape])

  useEffect(() => {
    const el = viewport.current
    if (!el) return
    fit()
    setView(size())
    const observer = new ResizeObserver(() => {
      setView(size())
      if (!userMoved.current) fit()
    })
    observer.observe(el)
    return () => observer.disconnect()
  }, [fit])

  // Stable actions, so the memoised layers and the key handler do not churn on every camera move.
  const actions = useMemo((): CameraActions => {
    const moved = (next: (c: Camera) => Camera) => {
      userMoved.current = true
      setCamera(next)
    }
    return {
      fit,
      zoomBy: (factor, sx, sy) => {
        const { width, height } = size()
        moved((c) => zoomAt(c, factor, sx ?? width / 2, sy ?? height / 2))
      },
      pan: (dx, dy) => moved((c) => panBy(c, dx, dy)),
      reveal: (x, y) => setCamera((c) => follow(c, size(), x, y)),
      centre: (x, y) => moved((c) => centreOn(c, size(), x, y)),
    }
  }, [fit])

  return { viewport, camera, view, actions }
}
