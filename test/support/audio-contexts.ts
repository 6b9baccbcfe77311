/**
 * Records a page's AudioContexts: each one it makes (the app, or livekit-client behind its back),
 * whether it ever ran, and which run now. A running context keeps the audio output thread awake,
 * which an idle desk must not do.
 */
import type { BrowserContext, Page } from 'playwright-core'

/** Installs the recorder in every page of `context`; call before the page loads. */
export async function recordAudioContexts(context: BrowserContext): Promise<void> {
  await context.addInitScript(() => {
    const made: AudioContext[] = []
    const ran = new Set<AudioContext>()
    const w = window as unknown as { __audio: { made: AudioContext[]; ran: Set<AudioContext> }; AudioContext: typeof AudioContext }
    w.__audio = { made, ran }
    const Original = w.AudioContext
    w.AudioContext = class extends Original {
      constructor(options?: AudioContextOptions) {
        super(options)
        made.push(this)
        const note = () => void (this.state === 'running' && ran.add(this))
        note()
        this.addEventListener('statechange', note)
      }
    }
  })
}

/** How many of the page's AudioContexts were made, have run at some point, run now, and are not closed. */
export const audioContexts = (page: Page): Promise<{ made: number; ran: number; running: number; open: number }> =>
  page.evaluate(() => {
    const { made, ran } = (window as unknown as { __audio: { made: AudioContext[]; ran: Set<AudioContext> } }).__audio
    return { made: made.length, ran: ran.size, running: made.filter((c) => c.state === 'running').length, open: made.filter((c) => c.state !== 'closed').length }
  })
