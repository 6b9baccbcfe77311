/**
 * A preview's cameras get their <video> before the click: an element playing the track, unseen
 * (its lowest layer flows meanwhile: held-subscriptions.ts). The call's tile then adopts it
 * (TrackVideo.tsx) instead of making its own, and gives it back when it goes (the strip rearranging
 * as people arrive), for the next tile of that camera. A <video> made when its tile appears starts
 * its player only then: on this machine the first frames were being decoded 100-150 ms before one
 * was presented, the fourth to sixth decoded (room-entry bench, getStats at the first frame). A
 * warm one has its player up when it is put in the tile: after a 400 ms rest on the door, the
 * first video packet → the first shown frame's last packet went from 140 to 74 ms (p50).
 */
/** Each warmed track's <video>, until its room is let go (coolDown): in the holder, or in a tile. */
const warm = new WeakMap<MediaStreamTrack, HTMLVideoElement>()

/**
 * Where warm <video>s wait: in the page, as Chromium starts a <video>'s player only there (one
 * out of the page had presented nothing when adopted, its frames decoded), but unseen and inert.
 */
let holder: HTMLElement | null = null
const hold = (el: HTMLVideoElement) => {
  if (!holder) {
    holder = document.createElement('div')
    holder.setAttribute('aria-hidden', 'true')
    holder.inert = true
    Object.assign(holder.style, { position: 'fixed', left: '0', top: '0', width: '1px', height: '1px', overflow: 'hidden', opacity: '0', pointerEvents: 'none' })
    document.body.append(holder)
  }
  holder.append(el)
}

/** Gives `track` a playing <video> of its own, unseen, for its tiles to adopt until coolDown. */
export function warmUp(track: MediaStreamTrack): void {
  if (warm.has(track)) return
  const el = document.createElement('video')
  Object.assign(el, { autoplay: true, muted: true, playsInline: true })
  el.srcObject = new MediaStream([track])
  hold(el)
  warm.set(track, el)
}

/** The <video> warmed for `track`, if it waits in the holder (no other tile has it); undefined when not. */
export function takeWarm(track: MediaStreamTrack): HTMLVideoElement | undefined {
  const el = warm.get(track)
  return el && el.parentElement === holder ? el : undefined
}

/** A tile is done with `el`: held for the next tile when it is the track's warm one, else let go. */
export function giveBack(track: MediaStreamTrack, el: HTMLVideoElement): void {
  if (warm.get(track) !== el) return el.remove()
  // Left playing (livekit-client's detach took the track off it): a camera no tile shows is paused
  // by adaptive stream, as this element is not one of its own, and a tile that moves takes it
  // back in the same breath, its player still running.
  if (!(el.srcObject instanceof MediaStream && el.srcObject.getTracks().includes(track))) el.srcObject = new MediaStream([track])
  hold(el)
}

/** Lets go of the <video> warmed for `track` (its room is let go). */
export function coolDown(track: MediaStreamTrack): void {
  const el = warm.get(track)
  warm.delete(track)
  if (!el) return
  el.srcObject = null
  el.remove()
}
