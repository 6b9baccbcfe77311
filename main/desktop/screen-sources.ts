/**
 * The screen picker's main side (the Platform contract of issue 11): desktopCapturer's sources as
 * the renderer's picker shows them (screens first, bounded names and thumbnails), and the one
 * choice the next getDisplayMedia may capture. Only a source the picker offered can be chosen, a
 * choice is used once and expires, so no renderer can make main capture a window unasked.
 */
import type { ScreenSourceInfo } from '../../protocol/desktop-ipc.ts'

/** What main/electron/screen.ts reads of a DesktopCapturerSource. */
export interface CapturerSource {
  id: string
  name: string
  thumbnail: { isEmpty(): boolean; toDataURL(): string }
}

export const MAX_SOURCES = 100
const MAX_THUMBNAIL = 200_000
/** A choice must be followed by its getDisplayMedia within this time. */
export const CHOICE_TTL_MS = 30_000

export const kindOf = (id: string): ScreenSourceInfo['kind'] => (id.startsWith('screen:') ? 'screen' : 'window')

export function toScreenSources(sources: readonly CapturerSource[]): ScreenSourceInfo[] {
  const listed = sources
    .filter((s) => s.id.length <= 200)
    .map((s): ScreenSourceInfo => {
      const url = s.thumbnail.isEmpty() ? '' : s.thumbnail.toDataURL()
      const name = s.name.trim() || (kindOf(s.id) === 'screen' ? 'Screen' : 'Untitled window')
      return { id: s.id, name: name.slice(0, 500), kind: kindOf(s.id), thumbnail: url.length <= MAX_THUMBNAIL && url.startsWith('data:image/') ? url : '' }
    })
  // Screens first (the usual choice), each group in the OS's order.
  return [...listed.filter((s) => s.kind === 'screen'), ...listed.filter((s) => s.kind === 'window')].slice(0, MAX_SOURCES)
}

export interface ScreenChoice {
  /** Remembers what the picker is showing: only these may be chosen. */
  offered(sources: readonly ScreenSourceInfo[]): void
  /** The member's pick; null cancels. Throws for a source the picker did not offer. */
  choose(id: string | null): void
  /** For setDisplayMediaRequestHandler: the fresh choice, once; null means refuse the capture. */
  take(): string | null
}

export function createScreenChoice(now: () => number = Date.now, ttlMs = CHOICE_TTL_MS): ScreenChoice {
  let offered = new Set<string>()
  let chosen: { id: string; at: number } | null = null
  return {
    offered(sources) {
      offered = new Set(sources.map((s) => s.id))
    },
    choose(id) {
      if (id !== null && !offered.has(id)) throw Object.assign(new Error(`${JSON.stringify(id)} is not a source the picker offered`), { code: 'bad_args' })
      chosen = id === null ? null : { id, at: now() }
    },
    take() {
      const c = chosen
      chosen = null
      return c !== null && now() - c.at <= ttlMs ? c.id : null
    },
  }
}
