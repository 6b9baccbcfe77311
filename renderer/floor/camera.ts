/** The floor camera: screen = world × zoom + offset. Pure functions, so zoom and pan are testable. */
export interface Camera {
  x: number
  y: number
  zoom: number
}

export const MIN_ZOOM = 0.1
export const MAX_ZOOM = 4

const clampZoom = (z: number) => Math.min(MAX_ZOOM, Math.max(MIN_ZOOM, z))

/** The camera that shows the whole floor centred in the viewport. */
export function fitCamera(view: { width: number; height: number }, floor: { width: number; height: number }, padding = 16): Camera {
  const zoom = clampZoom(Math.min((view.width - 2 * padding) / floor.width, (view.height - 2 * padding) / floor.height))
  return { zoom, x: (view.width - floor.width * zoom) / 2, y: (view.height - floor.height * zoom) / 2 }
}

/** Zooms by `factor` keeping the world point under screen point (sx, sy) where it is. */
export function zoomAt(cam: Camera, factor: number, sx: number, sy: number): Camera {
  const zoom = clampZoom(cam.zoom * factor)
  const k = zoom / cam.zoom
  return { zoom, x: sx - (sx - cam.x) * k, y: sy - (sy - cam.y) * k }
}

export const panBy = (cam: Camera, dx: number, dy: number): Camera => ({ ...cam, x: cam.x + dx, y: cam.y + dy })

export const toWorld = (cam: Camera, sx: number, sy: number) => ({ x: (sx - cam.x) / cam.zoom, y: (sy - cam.y) / cam.zoom })

/** Moves the camera the least needed to keep world point (wx, wy) inside the viewport with a margin. */
export function follow(cam: Camera, view: { width: number; height: number }, wx: number, wy: number, margin = 60): Camera {
  const sx = wx * cam.zoom + cam.x
  const sy = wy * cam.zoom + cam.y
  const dx = sx < margin ? margin - sx : sx > view.width - margin ? view.width - margin - sx : 0
  const dy = sy < margin ? margin - sy : sy > view.height - margin ? view.height - margin - sy : 0
  return dx === 0 && dy === 0 ? cam : panBy(cam, dx, dy)
}

/** The camera that puts world point (wx, wy) at the middle of the viewport, at the same zoom. */
export const centreOn = (cam: Camera, view: { width: number; height: number }, wx: number, wy: number): Camera => ({
  zoom: cam.zoom,
  x: view.width / 2 - wx * cam.zoom,
  y: view.height / 2 - wy * cam.zoom,
})

/** Whether the floor at this zoom is larger than the viewport (then a minimap helps). */
export const overflows = (cam: Camera, view: { width: number; height: number }, floor: { width: number; height: number }) =>
  floor.width * cam.zoom > view.width + 1 || floor.height * cam.zoom > view.height + 1
