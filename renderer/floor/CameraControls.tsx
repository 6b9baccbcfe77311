/**
 * The camera's buttons above the floor: zoom out, fit, zoom in, and Find me, which centres the
 * view on your own avatar (also the F key, when focus is not in a text field or dialog).
 */
import { useEffect, useRef } from 'react'
import { LocateIcon } from './FloorIcons.tsx'
import './camera.css'
import type { CameraActions } from './useCamera.ts'
import { typingIn } from './useFloorKeys.ts'

export function CameraControls(props: { actions: CameraActions; findMe: (() => void) | null }) {
  const { actions } = props
  const findMe = useRef(props.findMe)
  findMe.current = props.findMe
  useEffect(() => {
    const down = (e: KeyboardEvent) => {
      if (e.defaultPrevented || e.altKey || e.ctrlKey || e.metaKey || typingIn(e.target) || (e.key !== 'f' && e.key !== 'F')) return
      if (!findMe.current) return
      e.preventDefault()
      findMe.current()
    }
    window.addEventListener('keydown', down)
    return () => window.removeEventListener('keydown', down)
  }, [])
  return (
    <>
      <div className="zoom" role="group" aria-label="Zoom">
        <button type="button" aria-label="Zoom out" onClick={() => actions.zoomBy(0.8)}>−</button>
        <button type="button" aria-label="Fit floor to window" onClick={actions.fit}>Fit</button>
        <button type="button" aria-label="Zoom in" onClick={() => actions.zoomBy(1.25)}>+</button>
      </div>
      <button type="button" className="find-me" aria-keyshortcuts="F" disabled={!props.findMe} onClick={() => props.findMe?.()}>
        <LocateIcon size={16} aria-hidden="true" />
        Find me
      </button>
    </>
  )
}
