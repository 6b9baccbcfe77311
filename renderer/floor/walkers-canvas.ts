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
import { AVATAR_HALF, TAG_HEIGHT, TAG_MAX_WIDTH } from './name-tags.ts'

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

/** What the theme's tokens follow (tokens.css): the OS's scheme and contrast, beside <html data-theme>. */
const THEME_QUERIES = ['(prefers-color-scheme: dark)', '(prefers-contrast: more)', '(forced-colors: active)']

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

const ring = (g: CanvasRenderingContext2D | OffscreenCanvasRenderingContext2D, x: number, y: number, r: number, width: number, colour: string) => {
  g.beginPath()
  g.arc(x, y, r + width / 2, 0, Math.PI * 2)
  g.lineWidth = width
  g.strokeStyle = colour
  g.stroke()
}

interface Look {
  /** Remembered from the cache, not live: faded (styles.css, .avatar-stale). */
  stale: boolean
  colour: string
  initials: string
  status: (typeof STATUSES)[number]
  speaking: boolean
  dot: boolean
}

/** Half the side of an avatar's sprite, in floor units: the avatar, its rings and its status dot. */
const SPRITE_HALF = AVATAR_HALF + 10
/** Bytes of sprites kept before they are all dropped and drawn again as needed. */
const MAX_SPRITE_BYTES = 24 * 1024 * 1024

type Context2D = CanvasRenderingContext2D | OffscreenCanvasRenderingContext2D

/** An avatar as people.css and styles.css draw it, centred in its sprite. */
function drawAvatar(c: Context2D, t: Tokens, look: Look, photo: HTMLImageElement | null) {
  const [x, y, r] = [SPRITE_HALF, SPRITE_HALF, AVATAR_HALF]
  if (look.stale) {
    c.globalAlpha = 0.55
    c.filter = 'grayscale(0.7)'
  }
  // The rings, outermost first: speaking (green), then the status ring on a gap of the surface.
  if (look.speaking) {
    ring(c, x, y, r + 6, 3, t.speaking)
    ring(c, x, y, r + 4, 2, t.surface)
  }
  ring(c, x, y, r + 2, 2, t[look.status])
  ring(c, x, y, r, 2, t.surface)
  c.beginPath()
  c.arc(x, y, r, 0, Math.PI * 2)
  c.fillStyle = look.colour
  c.fill()
  if (photo) {
    c.save()
    c.clip()
    const side = Math.min(photo.naturalWidth, photo.naturalHeight)
    c.drawImage(photo, (photo.naturalWidth - side) / 2, (photo.naturalHeight - side) / 2, side, side, x - r, y - r, r * 2, r * 2)
    c.restore()
  } else {
    c.fillStyle = '#fff'
    c.font = `700 12px ${t.font}`
    c.textAlign = 'center'
    c.textBaseline = 'middle'
    c.fillText(look.initials, x, y + 0.5)
  }
  // The status dot on the lower right (styles.css, .avatar .status-dot: 10 px with a 2 px border of the surface).
  if (!look.dot) return
  // Offline, the dot is only its border: the avatar shows through it.
  if (look.status === 'offline') return ring(c, x + r - 2, y + r - 2, 3, 2, t.surface)
  c.beginPath()
  c.arc(x + r - 2, y + r - 2, 5, 0, Math.PI * 2)
  c.fillStyle = t.surface
  c.fill()
  c.beginPath()
  c.arc(x + r - 2, y + r - 2, 3, 0, Math.PI * 2)
  c.fillStyle = t[look.status]
  c.fill()
}

/**
 * A name tag in the box the tag layout reserved for it (people.css, .name-tag: `width` wide, the tag
 * centred in it, or against the avatar when beside it), its text cut with an ellipsis.
 */
function drawTag(c: Context2D, t: Tokens, text: string, width: number, align: 'center' | 'start' | 'end') {
  c.font = `600 11px ${t.font}`
  const shown = fitText(c, text, width - 8)
  const w = Math.min(width, c.measureText(shown).width + 8)
  const left = align === 'start' ? 0 : align === 'end' ? width - w : (width - w) / 2
  c.beginPath()
  c.roundRect(left + 0.5, 0.5, w - 1, TAG_HEIGHT - 1, 4)
  c.fillStyle = t.surface
  c.fill()
  c.lineWidth = 1
  c.strokeStyle = t.line
  c.stroke()
  c.fillStyle = t.text
  c.textAlign = 'center'
  c.textBaseline = 'middle'
  c.fillText(shown, left + w / 2, TAG_HEIGHT / 2 + 0.5)
}

/** `text` cut to `width` with an ellipsis, as the tag's CSS does (people.css, text-overflow). */
const fitText = (g: CanvasRenderingContext2D | OffscreenCanvasRenderingContext2D, text: string, width: number): string => {
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
  let drawn = false
  let last: readonly PaintedGlide[] = []
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
  // Resizing clears the canvas after this frame's paint: draw the same walkers again at once.
  const sizes = new ResizeObserver(() => {
    fit()
    border = floor.clientLeft
    drawn = true
    paint(last)
  })
  sizes.observe(canvas)
  // The theme's colours are read again when the theme changes (sprites are drawn afresh with them).
  const retheme = () => void (tokens = null)
  const themes = new MutationObserver(retheme)
  themes.observe(document.documentElement, { attributes: true, attributeFilter: ['data-theme', 'class', 'style'] })
  const queries = THEME_QUERIES.map((q) => matchMedia(q))
  for (const q of queries) q.addEventListener('change', retheme)

  // Each look is drawn once into a small bitmap (a sprite) and stamped where the walker is: text and
  // arcs every frame for 50 walkers cost about a millisecond, stamping a tenth of that.
  const sprites = new Map<string, OffscreenCanvas>()
  let spriteScale = 0
  let spriteBytes = 0
  const sprite = (key: string, width: number, height: number, scale: number, draw: (c: OffscreenCanvasRenderingContext2D) => void) => {
    let made = sprites.get(key)
    if (!made) {
      // Only the current scale's are kept, and at most MAX_SPRITE_BYTES of them (zoomed far in on a
      // dense screen a sprite is hundreds of kilobytes).
      if (scale !== spriteScale || spriteBytes > MAX_SPRITE_BYTES) {
        sprites.clear()
        spriteScale = scale
        spriteBytes = 0
      }
      made = new OffscreenCanvas(Math.max(1, Math.ceil(width * scale)), Math.max(1, Math.ceil(height * scale)))
      spriteBytes += made.width * made.height * 4
      const c = made.getContext('2d')
      if (c) {
        c.scale(scale, scale)
        draw(c)
      }
      sprites.set(key, made)
    }
    return made
  }

  const drawOne = (t: Tokens, { el, at }: PaintedGlide, showTags: boolean, scale: number) => {
    if (!g) return
    const button = el.querySelector<HTMLElement>('.avatar')
    if (!button) return
    const { x, y } = at
    const look = {
      stale: el.classList.contains('avatar-stale'),
      colour: button.style.background || t.line,
      initials: button.dataset.initials ?? '',
      status: statusOf(button),
      speaking: el.classList.contains('avatar-speaking'),
      dot: !!button.querySelector('.status-dot'),
      photo: el.querySelector<HTMLImageElement>('img.avatar-photo'),
    }
    const photo = look.photo?.complete && look.photo.naturalWidth > 0 ? look.photo : null
    const key = `a|${scale}|${look.stale}|${look.colour}|${look.initials}|${look.status}|${look.speaking}|${look.dot}|${photo?.src ?? ''}`
    g.drawImage(sprite(key, 2 * SPRITE_HALF, 2 * SPRITE_HALF, scale, (c) => drawAvatar(c, t, look, photo)), x - SPRITE_HALF, y - SPRITE_HALF, 2 * SPRITE_HALF, 2 * SPRITE_HALF)
    if (!showTags) return
    const tag = el.querySelector<HTMLElement>('.name-tag')
    const slot = tag?.dataset.slot ?? 'below'
    if (!tag || slot === 'hidden') return
    const width = parseFloat(tag.style.getPropertyValue('--tag-w')) || 60
    const off = parseFloat(tag.style.getPropertyValue('--tag-off')) || AVATAR_HALF + 4
    const text = tag.textContent ?? ''
    const align = slot === 'right' ? 'start' : slot === 'left' ? 'end' : 'center'
    const label = sprite(`t|${scale}|${width}|${align}|${text}`, width, TAG_HEIGHT, scale, (c) => drawTag(c, t, text, width, align))
    // The box the DOM places (people.css): below or above, centred; beside, 8 units above the centre.
    const [left, top] =
      slot === 'above'
        ? [x - width / 2, y - off - TAG_HEIGHT]
        : slot === 'right'
          ? [x + off, y - TAG_HEIGHT / 2]
          : slot === 'left'
            ? [x - off - width, y - TAG_HEIGHT / 2]
            : [x - width / 2, y + off]
    g.drawImage(label, left, top, width, TAG_HEIGHT)
  }

  const paint = (glides: readonly PaintedGlide[]) => {
    last = glides
    if (!g) return
    if (!glides.length && !drawn) return
    const dpr = fit()
    g.setTransform(1, 0, 0, 1, 0, 0)
    g.clearRect(0, 0, canvas.width, canvas.height)
    drawn = glides.length > 0
    if (!drawn) return
    if (!tokens) {
      tokens = readTokens(floor)
      sprites.clear()
      spriteBytes = 0
    }
    const k = dpr * camera.zoom
    g.setTransform(k, 0, 0, k, dpr * camera.x + k * border, dpr * camera.y + k * border)
    // Zoomed far out, tags are hidden on the floor too (people.css, .floor-far).
    const showTags = !floor.classList.contains('floor-far')
    // Sprites are drawn at the screen's scale, in half-octave steps so that a zoom does not redraw them all every frame.
    const scale = Math.pow(2, Math.ceil(Math.log2(k) * 2) / 2)
    // Only those on screen (with room for a tag beside them).
    const [left, top] = [(-dpr * camera.x) / k - border, (-dpr * camera.y) / k - border]
    const [right, bottom] = [left + canvas.width / k, top + canvas.height / k]
    const margin = SPRITE_HALF + TAG_MAX_WIDTH
    for (const glide of glides) {
      const { x, y } = glide.at
      if (x > left - margin && x < right + margin && y > top - margin && y < bottom + margin) drawOne(tokens, glide, showTags, scale)
    }
  }

  return {
    setCamera(next) {
      camera = next
    },
    paint,
    dispose() {
      sizes.disconnect()
      themes.disconnect()
      for (const q of queries) q.removeEventListener('change', retheme)
      last = []
      g?.clearRect(0, 0, canvas.width, canvas.height)
    },
  }
}
