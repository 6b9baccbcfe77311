/** Waits for someone's video to play in a page, by its <video> element rather than any stats panel. */
import type { Page } from 'playwright-core'

type Seen = Record<string, { el: Element; n: number; rises: number }>

/**
 * Resolves once `who`'s <video> (aria-label "Video of <who>") shows new frames twice in a row,
 * counted from now; a rebuilt element counts from its own start. Several waits on one page (one
 * per person) keep their counts apart.
 */
export async function videoFlowing(page: Page, who: string, timeout = 15_000): Promise<void> {
  await page.evaluate((name) => {
    const w = window as unknown as { __frames?: Seen }
    if (w.__frames) delete w.__frames[name]
  }, who)
  await page.waitForFunction(
    (name) => {
      const el = document.querySelector<HTMLVideoElement>(`video[aria-label="Video of ${name}"]`)
      const w = window as unknown as { __frames?: Seen }
      if (!el) return false
      const seen = (w.__frames ??= {})
      const n = el.getVideoPlaybackQuality().totalVideoFrames
      const last = seen[name]
      if (!last || last.el !== el || n < last.n) seen[name] = { el, n, rises: 0 }
      else if (n > last.n) seen[name] = { el, n, rises: last.rises + 1 }
      return seen[name]!.rises >= 2
    },
    who,
    { timeout, polling: 100 },
  )
}
