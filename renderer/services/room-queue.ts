/**
 * Room transitions run one at a time, in order: walking through three doors quickly gives three
 * ordered transitions and never two overlapping connects (components-js's sequential connect).
 */
export interface RoomQueue {
  run<T>(step: () => Promise<T>): Promise<T>
}

export function createRoomQueue(): RoomQueue {
  let tail: Promise<unknown> = Promise.resolve()
  return {
    run(step) {
      const next = tail.then(step, step)
      tail = next.catch(() => undefined)
      return next
    },
  }
}
