/**
 * Keyboard on the floor, whenever focus is not in a text field or dialog: arrow keys and WASD walk
 * (arrows inside a group of floor items move focus instead), B goes back to your desk, + and -
 * zoom, 0 fits the floor. While walking, the camera keeps your avatar in view.
 */
import { useEffect } from 'react'
import type { Office } from '../app/office.ts'
import type { Direction } from './walker.ts'

const KEYS: Record<string, Direction> = {
  ArrowUp: 'up', ArrowDown: 'down', ArrowLeft: 'left', ArrowRight: 'right',
  w: 'up', s: 'down', a: 'left', d: 'right', W: 'up', S: 'down', A: 'left', D: 'right',
}

export const typingIn = (el: EventTarget | null) =>
  el instanceof HTMLElement && (el.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(el.tagName) || !!el.closest('dialog, [role="dialog"], [role="menu"]'))

export function useFloorKeys(office: Office, camera: { zoomBy(f: number): void; fit(): void; reveal(x: number, y: number): void }) {
  useEffect(() => {
    const walker = office.walking.walker
    let follow: ReturnType<typeof setInterval> | null = null
    const keepInView = () => {
      const at = walker.position()
      camera.reveal(at.x, at.y)
    }
    const down = (e: KeyboardEvent) => {
      if (e.defaultPrevented || e.altKey || e.ctrlKey || e.metaKey || typingIn(e.target)) return
      const dir = KEYS[e.key]
      if (dir) {
        e.preventDefault()
        walker.press(dir)
        follow ??= setInterval(keepInView, 100)
        return
      }
      const action = { b: () => office.walking.goToDesk(), B: () => office.walking.goToDesk(), '+': () => camera.zoomBy(1.25), '=': () => camera.zoomBy(1.25), '-': () => camera.zoomBy(0.8), '0': camera.fit }[e.key]
      if (action) {
        e.preventDefault()
        action()
      }
    }
    const release = (dir: Direction) => {
      walker.release(dir)
      if (follow) clearInterval(follow)
      follow = null
      keepInView()
    }
    const up = (e: KeyboardEvent) => {
      const dir = KEYS[e.key]
      if (dir) release(dir)
    }
    const blur = () => (['up', 'down', 'left', 'right'] as const).forEach(release)
    window.addEventListener('keydown', down)
    window.addEventListener('keyup', up)
    window.addEventListener('blur', blur)
    return () => {
      if (follow) clearInterval(follow)
      window.removeEventListener('keydown', down)
      window.removeEventListener('keyup', up)
      window.removeEventListener('blur', blur)
    }
  }, [office, camera])
}
