/** Waits for someone's video to play in a page, by its <video> element rather than any stats panel. */
import type { Page } from 'playwright-core'

/**
 * Resolves once `who`'s <video> (aria-label "Video of <who>") shows new frames twice in a row,
 * counted from now; a rebuilt element counts from its own start.
 */
export async function videoFlowing(page: Page, who: string, timeout = 15_000): Promise<void> {
  await page.evaluate(() => delete (window as unknown as { __frames?: unknown }).__frames)
  await page.waitForFunction(
    (name) => {
      const el = document.querySelector<HTMLVideoElement>(`video[aria-label="Video of ${name}"]`)
      const w = window as unknown as { __frames?: { el: Element; n: number; rises: number } }
      if (!el) return false
      const n = el.getVideoPlaybackQuality().totalVideoFrames
      const last = w.__frames
      if (!last || last.el !== el || n < last.n) w.__frames = { el, n, rises: 0 }
      else if (n > last.n) w.__frames = { el, n, rises: last.rises + 1 }
      return w.__frames!.rises >= 2
    },
    who,
    { timeout, polling: 100 },
  )
}
