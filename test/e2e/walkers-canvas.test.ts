/// <reference lib="dom" />
/**
 * Someone walking across the floor is drawn on the walkers' canvas while their avatar's element
 * waits hidden (renderer/floor/walkers-canvas.ts): seen the whole way in their own colour, and
 * handed back to the element where they stop, with the canvas left clear.
 */
import { beforeAll, describe, expect, it } from 'vitest'
import { team } from '../support/factories.ts'
import { officeSuite } from '../support/office-suite.ts'
import type { Account, OfficePage } from './pages/office-page.ts'

const ana: Account = { name: 'Ana Silva', email: 'ana@example.com', password: 'correct horse 1' }
const bo: Account = { name: 'Bo Lee', email: 'bo@example.com', password: 'battery staple 2' }

interface Sample {
  hidden: boolean
  /** Canvas pixels in Bo's colour. */
  drawn: number
  /** Canvas pixels drawn at all. */
  inked: number
}

/** Clicks where the canvas draws Bo (the centre of his colour on it); null when he is not drawn. */
const clickWhereDrawn = (a: OfficePage) =>
  a.page.evaluate(async (name) => {
    // In an animation frame: the canvas shows what Ana sees, and a click aims at that.
    await new Promise((r) => requestAnimationFrame(r))
    const button = [...document.querySelectorAll<HTMLElement>('.layer-people button.avatar')].find((el) => el.getAttribute('aria-label')?.startsWith(`${name}, `))!
    const canvas = document.querySelector<HTMLCanvasElement>('canvas.walkers')!
    const [r, g, b] = (button.style.background.match(/\d+/g) ?? []).map(Number)
    const { data, width } = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height)
    // Pixels as 32-bit words: Bo's colour, opaque, is one value (little-endian RGBA).
    const words = new Uint32Array(data.buffer)
    const colour = (255 << 24) | (b! << 16) | (g! << 8) | r!
    let [sx, sy, n] = [0, 0, 0]
    for (let i = 0; i < words.length; i++) {
      if (words[i] !== colour >>> 0) continue
      sx += i % width
      sy += Math.floor(i / width)
      n++
    }
    if (n < 50) return null
    const self = document.querySelector<HTMLElement>('.layer-people .avatar-self')!
    const rect = canvas.getBoundingClientRect()
    const [x, y] = [rect.left + ((sx / n) * rect.width) / canvas.width, rect.top + ((sy / n) * rect.height) / canvas.height]
    const under = document.elementFromPoint(x, y)!
    under.dispatchEvent(new MouseEvent('click', { bubbles: true, cancelable: true, detail: 1, clientX: x, clientY: y }))
    return { under: under.tagName, self: `${self.style.marginLeft} ${self.style.marginTop}` }
  }, bo.name)

describe('walkers drawn on the canvas', () => {
  const suite = officeSuite()
  beforeAll(async () => {
    await team(suite.http(), ana, [bo])
  })

  it("draws a walking member in their colour while their avatar's element waits hidden, and clears where they stop", async () => {
    const { office: a } = await suite.open()
    await a.signIn(ana)
    const { office: b } = await suite.open()
    await b.signIn(bo)
    const avatar = a.personOnFloor(bo.name)
    await avatar.waitFor()

    // Ana's page samples, after each of its frames, whether Bo's avatar is hidden and what the canvas holds.
    await a.page.evaluate((name) => {
      const samples: Sample[] = []
      Object.assign(globalThis, { __walkSamples: samples })
      const sample = () => {
        const button = [...document.querySelectorAll<HTMLElement>('.layer-people button.avatar')].find((el) => el.getAttribute('aria-label')?.startsWith(`${name}, `))
        const canvas = document.querySelector<HTMLCanvasElement>('canvas.walkers')
        if (!button || !canvas || !canvas.width) return
        const [r, g, b] = (button.style.background.match(/\d+/g) ?? []).map(Number)
        const pixels = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height).data
        let drawn = 0
        let inked = 0
        for (let i = 0; i < pixels.length; i += 4) {
          if (pixels[i + 3] === 0) continue
          inked++
          if (Math.abs(pixels[i]! - r!) < 6 && Math.abs(pixels[i + 1]! - g!) < 6 && Math.abs(pixels[i + 2]! - b!) < 6 && pixels[i + 3] === 255) drawn++
        }
        samples.push({ hidden: !!button.closest('[data-walking]'), drawn, inked })
      }
      const loop = () => requestAnimationFrame(() => setTimeout(() => (sample(), loop()), 0))
      loop()
    }, bo.name)

    // Bo clicks the lounge and walks there.
    await b.walkInto('Lounge')
    await b.stage('Lounge').waitFor()
    await a.room('Lounge', 1).waitFor()
    // Ana sees him arrive: his element is back, and nothing is left on the canvas.
    await expect.poll(() => avatar.evaluate((el) => !el.closest('[data-walking]')), { timeout: 10_000 }).toBe(true)
    const samples = await a.page.evaluate(() => (globalThis as unknown as { __walkSamples: Sample[] }).__walkSamples.splice(0))
    const walking = samples.filter((s) => s.hidden)
    // The walk took many frames, and in (nearly) every one of them the canvas drew him. A sample is
    // taken after a frame, so one may fall between his element hiding (a timer task: the walk's
    // start, or a new stretch of it on the next move the server relays) and the next frame, which
    // draws him: a state never on screen. Never two in a row (under load, 1-2 per walk here).
    expect(walking.length).toBeGreaterThan(5)
    const blank = walking.map((s) => s.drawn < 50)
    expect(blank.some((b, i) => b && blank[i + 1]), `two blank in a row: ${JSON.stringify(walking)}`).toBe(false)
    expect(blank.filter(Boolean).length, JSON.stringify(walking)).toBeLessThanOrEqual(Math.max(1, Math.floor(walking.length / 5)))
    // Once he stopped, the canvas was left clear.
    await expect.poll(async () => {
      const last = await a.page.evaluate(() => (globalThis as unknown as { __walkSamples: Sample[] }).__walkSamples.at(-1))
      return last && !last.hidden ? last.inked : -1
    }).toBe(0)
  })

  it('opens a walking member drawn on the canvas when clicked there, whatever lies under them, and does not walk the clicker', async () => {
    const { office: a } = await suite.open()
    await a.signIn(ana)
    const { office: b } = await suite.open()
    await b.signIn(bo)
    await a.personOnFloor(bo.name).waitFor()
    await a.desk('1', `${ana.name}, available`).waitFor()

    // Bo walks to a room; on Ana's screen he is drawn on the canvas while he walks, his element
    // hidden, and Ana clicks where the canvas draws him. Should he arrive before her click (a slow
    // machine), he walks on to the next room.
    let clicked: Awaited<ReturnType<typeof clickWhereDrawn>> = null
    for (const room of ['Lounge', 'Meeting room', 'Lounge', 'Meeting room']) {
      await b.walkInto(room)
      await a.page.waitForFunction(() => !!document.querySelector('.layer-people [data-walking]'))
      clicked = await clickWhereDrawn(a)
      if (clicked) break
      await b.stage(room).waitFor()
    }
    expect(clicked?.under).toBeTruthy()
    await a.page.getByRole('region', { name: `Actions for ${bo.name}` }).waitFor()
    // Ana stays where she was, two frames on: the click went to Bo, not to the floor or a room under him.
    const after = await a.page.evaluate(async () => {
      await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)))
      const self = document.querySelector<HTMLElement>('.layer-people .avatar-self')!
      return `${self.style.marginLeft} ${self.style.marginTop}`
    })
    expect(after).toBe(clicked!.self)
  })
})
