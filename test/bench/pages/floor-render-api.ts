/** What the floor-render page and its benchmark agree on; plain types, usable from the page and from Node. */

export interface FeedOptions {
  /** How many of the peers walk (a move packet every 100 ms each). */
  walking: number
  /** Whether a walker that reaches its goal announces its resting position (an attribute change). */
  rests: boolean
  warmupMs: number
  durationMs: number
}

export interface FrameSample {
  /** Time between consecutive requestAnimationFrame callbacks, ms. */
  intervals: number[]
  /** Main-thread time per frame: from the frame's start to the first task after its rendering, ms. */
  busy: number[]
  /** Move packets and resting-position updates fed while measuring. */
  moves: number
  rests: number
}
