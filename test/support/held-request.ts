/** Holds a page's requests back, so a test can make something happen while the app waits for an answer. */
import type { Page } from 'playwright-core'

export interface HeldRequest {
  /** Resolves when the page first asks. */
  asked: Promise<unknown>
  /** Lets the answer through; resolves once the page has received it whole. */
  release(): Promise<void>
}

/**
 * Holds this page's requests to `url`: each is sent to the server, and its answer is kept from
 * the page until `release()`. Call it before the page asks.
 */
export async function holdRequests(page: Page, url: RegExp): Promise<HeldRequest> {
  let letGo = () => {}
  const held = new Promise<void>((resolve) => (letGo = resolve))
  await page.route(url, async (route) => {
    const response = await route.fetch()
    await held
    await route.fulfill({ response })
  })
  return {
    asked: page.waitForRequest(url),
    async release() {
      const answered = page.waitForResponse(url)
      letGo()
      await (await answered).finished()
    },
  }
}
