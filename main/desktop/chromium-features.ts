/**
 * Chromium features the desktop app turns off. Main applies them before 'ready'
 * (electron/app.ts), and the test browsers run with them too (test/support/browser.ts), so the
 * tests and benchmarks measure the Chromium that users run.
 *
 * - SpareRendererForSitePerProcess: Chromium keeps a spare renderer process started for the next
 *   navigation to another site, 20–50 MB of memory (measured: a blank page's browser has two
 *   renderers, with it off one). The office is one window that never navigates to another site
 *   (guards.ts sends other URLs to the system browser), so the spare would only sit there all day.
 */
export const DISABLED_CHROMIUM_FEATURES = ['SpareRendererForSitePerProcess'] as const
