/**
 * Draws other people's glides on the walkers' canvas (walkers-canvas.ts) instead of animating
 * their elements: the motion engine offers each glide (motion.ts, `delegateGlides`), and this draws
 * those it takes every animation frame until they end, then gives them back to their elements.
 * Loaded with the canvas, after the floor is on screen (not part of the start-up bundle).
 *
 * An avatar that must move itself is not taken, or is given back at once: one holding the keyboard
 * focus (its focus ring moves with it), or showing a raised hand or a reaction (AvatarBadges),
 * which the canvas does not draw.
 */
import { toWorld, type Camera } from './camera.ts'
import type { DelegatedGlide, Motion, Point } from './motion.ts'
import { AVATAR_HALF } from './name-tags.ts'
import { createWalkersCanvas, type WalkersCanvas } from './walkers-canvas.ts'

export interface GlidePainter {
  /** Draws these glides now, in floor coordinates; an empty list clears what was drawn. */
  paint(glides: readonly { el: HTMLElement; at: Point }[]): void
}

export interface PaintedGlides {
  /** Who is drawn at floor point (x, y), if anyone: their element is hidden, so clicks ask here. */
  walkerAt(x: number, y: number): string | undefined
  /** A press began at client point (x, y) on the floor. */
  press(x: number, y: number): void
  /**
   * Who a click on the floor `frame` (the viewport, under `camera`) picks: who is drawn where it
   * landed; nobody for a click that ended a drag, came from the keyboard (Enter on a button clicks
   * at no point), or landed on a card drawn over the floor.
   */
  pick(e: Pick<MouseEvent, 'clientX' | 'clientY' | 'detail' | 'target'>, frame: Element, camera: Camera): string | undefined
  /** Gives every glide back to its element and clears the canvas. */
  stop(): void
}

const drawsItself = (el: HTMLElement) =>
  el.classList.contains('avatar-badged') || (typeof document !== 'undefined' && !!document.activeElement && el.contains(document.activeElement))

export function paintGlides(
  motion: Pick<Motion, 'delegateGlides'>,
  painter: GlidePainter,
  requestFrame: (run: () => void) => void = (run) => requestAnimationFrame(run),
): PaintedGlides {
  const held = new Set<DelegatedGlide>()
  let framing = false
  /** Who was drawn where in the last frame: what a click aims at. */
  let shown: { id: string; at: Point }[] = []
  let pressed: Point | null = null
  const frame = () => {
    framing = false
    const drawn: { el: HTMLElement; at: Point }[] = []
    shown = []
    for (const glide of held) {
      if (!glide.held()) held.delete(glide)
      else if (glide.ended() || drawsItself(glide.el)) {
        held.delete(glide)
        glide.release()
      } else {
        const at = glide.at()
        drawn.push({ el: glide.el, at })
        shown.push({ id: glide.id, at })
      }
    }
    painter.paint(drawn)
    if (held.size) {
      framing = true
      requestFrame(frame)
    }
  }
  const stopTaking = motion.delegateGlides((glide) => {
    if (drawsItself(glide.el)) return false
    held.add(glide)
    if (!framing) {
      framing = true
      requestFrame(frame)
    }
    return true
  })
  return {
    walkerAt(x, y) {
      // Where they were drawn, not where they have got to since: a fast walker moves on between
      // the frame the member saw and their click.
      return shown.find(({ at }) => Math.hypot(at.x - x, at.y - y) <= AVATAR_HALF + 2)?.id
    },
    press(x, y) {
      pressed = { x, y }
    },
    pick(e, frame, camera) {
      const from = pressed
      pressed = null
      if (e.detail === 0 || (from && Math.hypot(e.clientX - from.x, e.clientY - from.y) > 4) || !frame.contains(e.target as Node)) return undefined
      const rect = frame.getBoundingClientRect()
      const at = toWorld(camera, e.clientX - rect.left, e.clientY - rect.top)
      return this.walkerAt(at.x, at.y)
    },
    stop() {
      stopTaking()
      held.clear()
      shown = []
      painter.paint([])
    },
  }
}

/** The walkers' canvas on `canvas` over `floor`, drawing `motion`'s glides under `camera` (useWalkersCanvas.ts). */
export function paintOn(motion: Pick<Motion, 'delegateGlides'>, canvas: HTMLCanvasElement, floor: Element, camera: Camera): [WalkersCanvas, PaintedGlides] {
  const painter = createWalkersCanvas(canvas, floor)
  painter.setCamera(camera)
  return [painter, paintGlides(motion, painter)]
}
