/**
 * The floor's camera and avatars in real Chromium: Find me brings your avatar back to the middle
 * after panning away, the minimap appears once the floor no longer fits and moves the view when
 * clicked, and the name tags of two people standing at nearly the same spot do not overlap.
 */
import type { Locator, Page } from 'playwright-core'
import { beforeAll, describe, expect, it } from 'vitest'
import type { SignedIn } from '../../protocol/api.ts'
import { officeSuite } from '../support/office-suite.ts'
import type { Account, OfficePage } from './pages/office-page.ts'

const ana: Account = { name: 'Ana Silva', email: 'ana@example.com', password: 'correct horse 1' }
const bo: Account = { name: 'Bo Lee', email: 'bo@example.com', password: 'battery staple 2' }

type Box = { x: number; y: number; width: number; height: number }
const centreOf = (b: Box) => ({ x: b.x + b.width / 2, y: b.y + b.height / 2 })
const box = async (l: Locator): Promise<Box> => {
  const b = await l.boundingBox()
  if (!b) throw new Error('not on screen')
  return b
}
const overlap = (a: Box, b: Box) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height

const viewport = (o: OfficePage) => o.floor().locator('.viewport')
const transform = (o: OfficePage) => o.floor().locator('.viewport .floor').evaluate((el) => (el as HTMLElement).style.transform)

/** A point of bare floor (no room, desk, person or tag under it), in page coordinates. */
const bareFloor = (page: Page) =>
  page.evaluate(() => {
    const vp = document.querySelector('.viewport')!.getBoundingClientRect()
    const floor = document.querySelector('.viewport .floor')!
    for (let y = vp.top + vp.height / 3; y < vp.bottom - 40; y += 13) {
      for (let x = vp.left + vp.width / 3; x < vp.right - 40; x += 13) {
        // Open floor all around (not a gap between two rooms' walls), so that tags have room.
        const bare = (px: number, py: number) => {
          const el = document.elementFromPoint(px, py)
          return !!el && floor.contains(el) && !el.closest('button, .name-tag')
        }
        if ([[0, 0], [-48, -48], [48, -48], [-48, 48], [48, 48], [0, -60], [0, 60]].every(([dx, dy]) => bare(x + dx!, y + dy!))) return { x, y }
      }
    }
    throw new Error('no bare floor in view')
  })

/** Screen point → floor coordinates, through the floor's transform (pan and zoom). */
const floorPoint = (page: Page, at: { x: number; y: number }) =>
  page.evaluate(({ x, y }) => {
    const floor = document.querySelector<HTMLElement>('.viewport .floor')!
    const r = floor.getBoundingClientRect()
    const zoom = r.width / floor.offsetWidth
    return { x: (x - r.left) / zoom, y: (y - r.top) / zoom }
  }, at)

/** Floor coordinates → screen point, through the floor's transform. */
const screenPoint = (page: Page, at: { x: number; y: number }) =>
  page.evaluate(({ x, y }) => {
    const floor = document.querySelector<HTMLElement>('.viewport .floor')!
    const r = floor.getBoundingClientRect()
    const zoom = r.width / floor.offsetWidth
    return { x: r.left + x * zoom, y: r.top + y * zoom }
  }, at)

/** Waits until the camera has stopped moving (a pan's glide has run out). */
async function settled(o: OfficePage): Promise<string> {
  let last = ''
  await expect.poll(async () => {
    const now = await transform(o)
    const same = now === last
    last = now
    return same
  }, { interval: 150, timeout: 5_000 }).toBe(true)
  return last
}

describe('floor camera and avatars', () => {
  const suite = officeSuite()
  const signIn = async (account: Account) => {
    const { office } = await suite.open()
    await office.signIn(account)
    return office
  }

  beforeAll(async () => {
    const http = suite.http()
    const owner = (await http.post<SignedIn>('/api/workspaces', { name: 'Acme', owner: ana })).body
    const invite = await http.post<{ code: string }>(`/api/workspaces/${owner.workspace.id}/invites`, { role: 'member' }, owner.session.token)
    await http.post(`/api/invites/${invite.body.code}/accept`, bo)
  })

  it('Find me centres the view on your avatar after panning away', async () => {
    const a = await signIn(ana)
    const me = a.personOnFloor(`You, ${ana.name}`)
    await a.desk('1', `${ana.name}, available`).waitFor()
    for (let i = 0; i < 3; i++) await a.page.getByRole('button', { name: 'Zoom in' }).click()
    // Drag the floor away and let go while moving: it glides on, then stops.
    const from = await bareFloor(a.page)
    await a.page.mouse.move(from.x, from.y)
    await a.page.mouse.down()
    await a.page.mouse.move(from.x + 300, from.y + 200, { steps: 8 })
    await a.page.mouse.up()
    await settled(a)
    const view = centreOf(await box(viewport(a)))
    const away = centreOf(await box(me))
    expect(Math.hypot(away.x - view.x, away.y - view.y)).toBeGreaterThan(150)

    await a.page.getByRole('button', { name: 'Find me' }).click()
    await settled(a)
    const found = centreOf(await box(me))
    expect(Math.abs(found.x - view.x)).toBeLessThan(3)
    expect(Math.abs(found.y - view.y)).toBeLessThan(3)

    // The F key does the same, from wherever the view is.
    await a.page.getByRole('button', { name: 'Fit floor to window' }).click()
    await a.page.locator('body').focus()
    await a.page.keyboard.press('f')
    await expect.poll(async () => {
      const c = centreOf(await box(me))
      return Math.hypot(c.x - view.x, c.y - view.y)
    }).toBeLessThan(3)
  })

  it('shows a minimap once the floor no longer fits, and clicking it moves the view there', async () => {
    const a = await signIn(ana)
    await a.desk('1', `${ana.name}, available`).waitFor()
    const minimap = a.page.getByTestId('minimap')
    expect(await minimap.count(), 'the whole floor fits: no minimap').toBe(0)
    for (let i = 0; i < 3; i++) await a.page.getByRole('button', { name: 'Zoom in' }).click()
    await minimap.waitFor()
    const before = await transform(a)
    // Click near the overview's top-left corner: the view centres on that part of the floor.
    const svg = minimap.locator('svg')
    const map = await box(svg)
    await svg.click({ position: { x: 12, y: 10 } })
    await expect.poll(() => transform(a)).not.toBe(before)
    const rect = minimap.getByTestId('minimap-view')
    const [x, width, y, height] = await Promise.all(['x', 'width', 'y', 'height'].map(async (n) => Number(await rect.getAttribute(n))))
    const floor = await a.floor().locator('.viewport .floor').evaluate((el) => ({ w: (el as HTMLElement).offsetWidth, h: (el as HTMLElement).offsetHeight }))
    expect(x! + width! / 2).toBeCloseTo((12 / map.width) * floor.w, -1)
    expect(y! + height! / 2).toBeCloseTo((10 / map.height) * floor.h, -1)
  })

  it('keeps the name tags of two people at nearly the same spot apart', async () => {
    const a = await signIn(ana)
    const b = await signIn(bo)
    await a.desk('2', `${bo.name}, available`).waitFor()
    // Both click (nearly) the same bare spot of the floor: each walks there. Their windows may
    // lay the floor out differently (a host's top bar has more buttons), so Bo's click is placed
    // by the floor's own coordinates, not the screen's.
    const spot = await bareFloor(a.page)
    await a.page.mouse.click(spot.x, spot.y)
    const onFloor = await floorPoint(a.page, spot)
    const there = await screenPoint(b.page, { x: onFloor.x + 4, y: onFloor.y + 3 })
    await b.page.mouse.click(there.x, there.y)
    const anaAvatar = a.personOnFloor(`You, ${ana.name}`)
    const boAvatar = a.personOnFloor(bo.name)
    await expect.poll(async () => {
      const [p, q] = [centreOf(await box(anaAvatar)), centreOf(await box(boAvatar))]
      return Math.hypot(p.x - q.x, p.y - q.y)
    }, { timeout: 10_000 }).toBeLessThan(12)

    // A tag is drawn beside its avatar's button, in the same wrapper.
    const tag = (avatar: Locator) => avatar.locator('xpath=..').locator('.name-tag > span')
    await expect.poll(async () => {
      const [p, q] = [tag(anaAvatar), tag(boAvatar)]
      if (!(await p.isVisible()) || !(await q.isVisible())) return 'a tag is hidden'
      return overlap(await box(p), await box(q)) ? 'overlapping' : 'apart'
    }).toBe('apart')
    // Your own tag says it is you, and neither tag covers either face.
    expect(await tag(anaAvatar).textContent()).toBe(`You${ana.name}`)
    for (const t of [tag(anaAvatar), tag(boAvatar)]) {
      for (const face of [anaAvatar, boAvatar]) expect(overlap(await box(t), await box(face))).toBe(false)
    }
  })

  it('rings the avatar of whoever is speaking in the call', async () => {
    const a = await signIn(ana)
    const b = await signIn(bo)
    await a.speakWithoutVoiceFilters()
    await a.walkInto('Meeting room')
    await a.stage('Meeting room').getByText('Connected').waitFor()
    await b.walkInto('Meeting room')
    await b.stage('Meeting room').getByText('Connected').waitFor()
    // Chromium's fake microphone beeps: LiveKit hears Ana speak, and Bo's floor shows it on her avatar.
    const wrapper = b.personOnFloor(ana.name).locator('xpath=..')
    await expect.poll(() => wrapper.getAttribute('class'), { timeout: 15_000 }).toContain('avatar-speaking')
  })
})
