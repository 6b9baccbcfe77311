/**
 * Other people walking, drawn on one canvas over the floor instead of moving their elements.
 *
 * Why: a Web Animation per walker (motion.ts's other way to glide) runs on the compositor, but
 * Chromium still services every running animation on the main thread each frame (style, pre-paint,
 * layerization, commit: ~4–5 ms a frame with 50 walkers on a 2,000-desk floor, against a budget
 * of 8). One canvas redrawn while anyone walks costs a fraction of that and no DOM work at all.
 *
 * The avatar's element stays the truth: it keeps its accessible name and its place in the Tab
 * order, is hidden (attribute `data-walking`, people.css) only while the canvas draws it, and takes
 * over again where the walk ends. What is drawn is read from that element each frame (its colour,
 * initials, status ring, photo, speaking ring and name tag, with the tag on the side the tag
 * layout chose), and the colours from the theme's tokens, so both draw the same avatar.
 */
import type { Camera } from './camera.ts'
import type { Point } from './motion.ts'
import { AVATAR_HALF, TAG_HEIGHT } from './name-tags.ts'

export interface PaintedGlide {
  el: HTMLElement
  at: Point
}

export interface WalkersCanvas {
  setCamera(camera: Camera): void
  /** Draws these walkers, in floor coordinates (an empty list clears the canvas). */
  paint(glides: readonly PaintedGlide[]): void
  dispose(): void
}

const STATUSES = ['available', 'busy', 'away', 'dnd', 'offline'] as const
type Tokens = Record<'surface' | 'text' | 'line' | 'speaking' | 'font' | (typeof STATUSES)[number], string>

/** How often the theme's colours are read again while people walk (a theme switch shows within this). */
const TOKENS_MS = 1_000

const readTokens = (el: Element): Tokens => {
  const css = getComputedStyle(el)
  const v = (name: string, fallback: string) => css.getPropertyValue(name).trim() || fallback
  return {
    surface: v('--surface', '#fff'),
    text: v('--text', '#1d2026'),
    line: v('--line', '#d3d8e0'),
    speaking: v('--speaking', '#2b8a3e'),
    font: v('--font-sans', 'system-ui, sans-serif'),
    available: v('--status-available', '#2b8a3e'),
    busy: v('--status-busy', '#e03131'),
    away: v('--status-away', '#b86e00'),
    dnd: v('--status-dnd', '#c2255c'),
    offline: v('--line', '#adb5bd'),
  }
}

const statusOf = (button: Element): (typeof STATUSES)[number] => STATUSES.find((s) => button.classList.contains(`ring-${s}`)) ?? 'available'

const ring = (g: CanvasRenderingContext2D, x: number, y: number, r: number, width: number, colour: string) => {
  g.beginPath()
  g.arc(x, y, r + width / 2, 0, Math.PI * 2)
  g.lineWidth = width
  g.strokeStyle = colour
  g.stroke()
}

/** `text` cut to `width` with an ellipsis, as the tag's CSS does (people.css, text-overflow). */
const fitText = (g: CanvasRenderingContext2D, text: string, width: number): string => {
  if (g.measureText(text).width <= width) return text
  let [lo, hi] = [0, text.length]
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2)
    if (g.measureText(`${text.slice(0, mid)}…`).width <= width) lo = mid
    else hi = mid - 1
  }
  return `${text.slice(0, lo)}…`
}

/** `canvas` covers the viewport; `floor` is the element whose theme tokens colour the drawing. */
export function createWalkersCanvas(canvas: HTMLCanvasElement, floor: Element): WalkersCanvas {
  const g = canvas.getContext('2d')
  let camera: Camera = { x: 0, y: 0, zoom: 1 }
  let tokens: Tokens | null = null
  let tokensAt = 0
  let drawn = false
  // The floor's border: its children are placed inside it, so floor coordinates start past it.
  let border = floor.clientLeft

  const fit = () => {
    const dpr = window.devicePixelRatio || 1
    const w = Math.round(canvas.clientWidth * dpr)
    const h = Math.round(canvas.clientHeight * dpr)
    if (canvas.width !== w || canvas.height !== h) {
      canvas.width = w
      canvas.height = h
    }
    return dpr
  }
  const sizes = new ResizeObserver(() => {
    fit()
    border = floor.clientLeft
    drawn = true // resizing clears the canvas; the next paint draws again
  })
  sizes.observe(canvas)

  const drawOne = (t: Tokens, { el, at }: PaintedGlide, showTags: boolean) => {
    if (!g) return
    const button = el.querySelector<HTMLElement>('.avatar')
    if (!button) return
    const { x, y } = at
    const r = AVATAR_HALF
    const speaking = el.classList.contains('avatar-speaking')
    // The rings, outermost first: speaking (green), then the status ring on a gap of the surface.
    if (speaking) {
      ring(g, x, y, r + 6, 3, t.speaking)
      ring(g, x, y, r + 4, 2, t.surface)
    }
    ring(g, x, y, r + 2, 2, t[statusOf(button)])
    ring(g, x, y, r, 2, t.surface)
    g.beginPath()
    g.arc(x, y, r, 0, Math.PI * 2)
    g.fillStyle = button.style.background || t.line
    g.fill()
    const photo = el.querySelector<HTMLImageElement>('img.avatar-photo')
    if (photo?.complete && photo.naturalWidth > 0) {
      g.save()
      g.clip()
      const side = Math.min(photo.naturalWidth, photo.naturalHeight)
      g.drawImage(photo, (photo.naturalWidth - side) / 2, (photo.naturalHeight - side) / 2, side, side, x - r, y - r, r * 2, r * 2)
      g.restore()
    } else {
      g.fillStyle = '#fff'
      g.font = `700 12px ${t.font}`
      g.textAlign = 'center'
      g.textBaseline = 'middle'
      g.fillText(button.dataset.initials ?? '', x, y + 0.5)
    }
    // The status dot on the lower right (styles.css, .avatar .status-dot: 10 px with a 2 px border of the surface).
    if (button.querySelector('.status-dot')) {
      const status = statusOf(button)
      g.beginPath()
      g.arc(x + r - 2, y + r - 2, 5, 0, Math.PI * 2)
      g.fillStyle = t.surface
      g.fill()
      if (status !== 'offline') {
        g.beginPath()
        g.arc(x + r - 2, y + r - 2, 3, 0, Math.PI * 2)
        g.fillStyle = t[status]
        g.fill()
      }
    }
    if (!showTags) return
    const tag = el.querySelector<HTMLElement>('.name-tag')
    const slot = tag?.dataset.slot ?? 'below'
    if (!tag || slot === 'hidden') return
    const width = parseFloat(tag.style.getPropertyValue('--tag-w')) || 60
    const off = parseFloat(tag.style.getPropertyValue('--tag-off')) || r + 4
    g.font = `600 11px ${t.font}`
    const text = fitText(g, tag.textContent ?? '', width - 8)
    const textWidth = Math.min(width, g.measureText(text).width + 8)
    const [left, top] =
      slot === 'above'
        ? [x - textWidth / 2, y - off - TAG_HEIGHT]
        : slot === 'right'
          ? [x + off, y - TAG_HEIGHT / 2]
          : slot === 'left'
            ? [x - off - textWidth, y - TAG_HEIGHT / 2]
            : [x - textWidth / 2, y + off]
    g.beginPath()
    g.roundRect(left, top, textWidth, TAG_HEIGHT, 4)
    g.fillStyle = t.surface
    g.fill()
    g.lineWidth = 1
    g.strokeStyle = t.line
    g.stroke()
    g.fillStyle = t.text
    g.textAlign = 'center'
    g.textBaseline = 'middle'
    g.fillText(text, left + textWidth / 2, top + TAG_HEIGHT / 2 + 0.5)
  }

  return {
    setCamera(next) {
      camera = next
    },
    paint(glides) {
      if (!g) return
      if (!glides.length && !drawn) return
      const dpr = fit()
      g.setTransform(1, 0, 0, 1, 0, 0)
      g.clearRect(0, 0, canvas.width, canvas.height)
      drawn = glides.length > 0
      if (!drawn) return
      const now = performance.now()
      if (!tokens || now - tokensAt > TOKENS_MS) {
        tokens = readTokens(floor)
        tokensAt = now
      }
      const k = dpr * camera.zoom
      g.setTransform(k, 0, 0, k, dpr * camera.x + k * border, dpr * camera.y + k * border)
      // Zoomed far out, tags are hidden on the floor too (people.css, .floor-far).
      const showTags = !floor.classList.contains('floor-far')
      for (const glide of glides) drawOne(tokens, glide, showTags)
    },
    dispose() {
      sizes.disconnect()
      g?.clearRect(0, 0, canvas.width, canvas.height)
    },
  }
}
