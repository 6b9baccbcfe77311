/** What the editor-drag page and its benchmark agree on; plain types, usable from the page and from Node. */

/** A point in the page's client (CSS pixel) coordinates, where Playwright's mouse moves. */
export interface ClientPoint {
  x: number
  y: number
}

export interface Prepared {
  /** Selected desks, counted by their outlines on screen. */
  selected: number
  desks: number
  /** Where the gesture starts: the centre of a selected desk (drag) or an empty spot of floor (pan). */
  start: ClientPoint
}

/** The performance mark the page sets in each requestAnimationFrame while recording (see frame-work.ts). */
export const FRAME_MARK = 'editor-drag:frame'

export interface FrameSample {
  /** Time between consecutive requestAnimationFrame callbacks, ms. */
  intervals: number[]
  /** Time spent dispatching the frame's pointermove events (window capture → window bubble), ms. */
  handlers: number[]
  /** pointermove events the page received while measuring. */
  moves: number
  /** pointercancel events while measuring: the gesture was taken over (a native drag), not measured. */
  cancels: number
}
