/**
 * Hold Space to talk while muted: the microphone opens while Space is down in a call, and closes
 * again when it is let go (or the window loses focus mid-press). Not while typing in a field or
 * with focus on a control Space would press. Used by the call panel, which is there whenever one is in a room.
 */
import { useEffect } from 'react'
import { useComposition, useOffice } from '../app/context.tsx'
import { typingIn } from '../floor/useFloorKeys.ts'

const PRESSABLE = 'button, a[href], summary, [role="button"], [role="checkbox"], [role="switch"], [role="tab"], [role="radio"], [role="menuitem"], [role="option"]'

const isSpace = (e: KeyboardEvent) => e.code === 'Space' || e.key === ' '
const pressable = (el: EventTarget | null) => el instanceof Element && el.closest(PRESSABLE) !== null

export function usePushToTalk() {
  const office = useOffice()
  const media = useComposition().stores.media
  useEffect(() => {
    let holding = false
    const release = () => {
      if (!holding) return
      holding = false
      void office.media()?.setMic(false)
    }
    const down = (e: KeyboardEvent) => {
      if (!isSpace(e)) return
      if (holding) return e.preventDefault() // key repeat while held: no page scroll
      if (e.repeat || e.defaultPrevented || e.altKey || e.ctrlKey || e.metaKey || typingIn(e.target) || pressable(e.target)) return
      const { roomId, micOn } = media.getState()
      if (!roomId || micOn) return
      e.preventDefault()
      holding = true
      void office.media()?.setMic(true)
    }
    const up = (e: KeyboardEvent) => {
      if (isSpace(e)) release()
    }
    window.addEventListener('keydown', down)
    window.addEventListener('keyup', up)
    window.addEventListener('blur', release)
    return () => {
      window.removeEventListener('keydown', down)
      window.removeEventListener('keyup', up)
      window.removeEventListener('blur', release)
      release()
    }
  }, [office, media])
}
