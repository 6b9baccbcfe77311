/**
 * Drill: hostile strings render inert and bounded. Member names, room names and status texts
 * carrying script tags, SVG and image handlers, right-to-left overrides and 100 kB of text: the
 * server refuses what is too long, peers' overlong status texts are dropped, and whatever is shown
 * is text — no element injected, nothing run, nothing reordered around it, no layout blown up.
 */
import type { Room } from '@livekit/rtc-node'
import { beforeAll, describe, expect, it } from 'vitest'
import type { SignedIn } from '../../protocol/api.ts'
import { editFloor, occupy } from '../support/factories.ts'
import { hostilePeer, type HostilePeer } from '../support/hostile-peer.ts'
import { officeSuite } from '../support/office-suite.ts'
import type { Account } from './pages/office-page.ts'

const ana: Account = { name: 'Ana Silva', email: 'ana@example.com', password: 'correct horse 1' }
const RLO = '\u202E'
const names = {
  script: '<script>window.__pwned=1</script>',
  svg: '<svg onload="window.__pwned=2"><circle r="9"/></svg>',
  img: '<img src=x onerror="window.__pwned=3">',
  rtl: `Rex ${RLO}gnp.exe`,
  long: 'W'.repeat(64),
}
const rooms = { meeting: '<img src=x onerror="window.__pwned=4">', lounge: `Lounge ${RLO}egnuol`, private: 'M'.repeat(64) }
const statusTexts = {
  script: '<svg onload="window.__pwned=5"></svg>',
  svg: `${RLO}yddub`,
  img: '<script>'.repeat(7_500),
  rtl: '',
  long: 'x'.repeat(100),
}
const hundredKb = 'A'.repeat(100_000)

describe('hostile strings', () => {
  const suite = officeSuite()
  let owner: SignedIn
  const members: Record<keyof typeof names, SignedIn> = {} as Record<keyof typeof names, SignedIn>

  beforeAll(async () => {
    const http = suite.http()
    owner = (await http.post<SignedIn>('/api/workspaces', { name: 'Acme', owner: ana })).body
    const invite = async () => (await http.post<{ code: string }>(`/api/workspaces/${owner.workspace.id}/invites`, { role: 'member' }, owner.session.token)).body.code
    for (const [key, name] of Object.entries(names) as [keyof typeof names, string][]) {
      const res = await http.post<SignedIn>(`/api/invites/${await invite()}/accept`, { name, email: `${key}@example.com`, password: 'long enough 1' })
      expect(res.status).toBe(201)
      members[key] = res.body
    }
    // 100 kB is refused with a 4xx naming the field, never stored.
    const tooLong = await http.post<{ message: string }>(`/api/invites/${await invite()}/accept`, { name: hundredKb, email: 'big@example.com', password: 'long enough 1' })
    expect(tooLong.status).toBe(400)
    expect(tooLong.body.message).toMatch(/name/)
    await editFloor(http, owner, [
      { op: 'room.update', id: 'room_meeting', changes: { name: rooms.meeting } },
      { op: 'room.update', id: 'room_lounge', changes: { name: rooms.lounge } },
      { op: 'room.update', id: 'room_private', changes: { name: rooms.private } },
    ])
    const floor = `/api/workspaces/${owner.workspace.id}/floors/floor_main`
    const version = (await http.get<{ version: number }>(floor, owner.session.token)).body.version
    const bigRoom = await http.post<{ message: string }>(`${floor}/edits`, { baseVersion: version, ops: [{ op: 'room.update', id: 'room_lounge', changes: { name: hundredKb } }] }, owner.session.token)
    expect(bigRoom.status).toBe(400)
  })

  it('render as text, isolated and bounded, in every list, label and prompt', async () => {
    const { office: a } = await suite.open()
    await a.signIn(ana)
    const peers: HostilePeer[] = []
    const calls: Room[] = []
    try {
      let x = 100
      for (const key of Object.keys(names) as (keyof typeof names)[]) {
        const peer = await hostilePeer(suite.http(), members[key])
        peers.push(peer)
        await peer.declare({ status: 'busy', statusText: statusTexts[key], statusUntil: '', floor: 'floor_main', x: String((x += 150)), y: '640' })
      }
      // Rex is in the lounge, by the server's occupancy: "in <the lounge's name>" shows beside his.
      calls.push(await occupy(suite.http(), members.rtl, 'room_lounge'))
      for (const name of Object.values(names)) await a.person(name).waitFor()
      await a.person(names.rtl, `busy, in ${rooms.lounge}`).waitFor()

      // Ana's own status: 100 kB pasted into the field is cut to 100 characters.
      await a.setStatus('busy', hundredKb)
      await a.person(`You, ${ana.name}`, `busy, ${'A'.repeat(100)}`).waitFor()

      // Nothing ran, nothing was injected: no handler attributes, no images, scripts or SVG in the body
      // but the app's own drawing (the floor's art and its icons).
      const page = a.page
      expect(await page.evaluate(() => (globalThis as { __pwned?: unknown }).__pwned)).toBeUndefined()
      expect(await page.evaluate(() => [...document.body.querySelectorAll('*')].filter((el) => [...el.attributes].some((at) => at.name.startsWith('on'))).length)).toBe(0)
      expect(await page.locator('body img, body script, body iframe, body object').count()).toBe(0)
      expect(await page.locator('body svg:not(.lucide):not(.floor-art):not(.floor-defs):not(.floor-art svg)').count()).toBe(0)
      const online = page.getByRole('list', { name: 'Online' })
      for (const name of Object.values(names)) expect(await online.getByText(name, { exact: true }).count()).toBe(1)
      await page.getByRole('button', { name: new RegExp(`^Room ${rooms.meeting.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}, `) }).waitFor()

      // Bounded: a peer's 60 kB status is dropped; shown texts stay short; nothing widens the page.
      const texts = await online.getByRole('listitem').allTextContents()
      expect(Math.max(...texts.map((t) => t.length))).toBeLessThan(300)
      expect(texts.join('')).not.toContain('<script><script>')
      const widths = await page.evaluate(() => ({ page: document.documentElement.scrollWidth, viewport: innerWidth }))
      expect(widths.page, 'the page grew wider than the window').toBeLessThanOrEqual(widths.viewport)
      const overflowing = await online.getByRole('listitem').evaluateAll((items) => items.filter((li) => li.scrollWidth > li.clientWidth + 1).map((li) => li.textContent))
      expect(overflowing, 'People entries whose text runs out of the list').toEqual([])

      // Isolated: the text after Rex's name (his room) stays after it, not turned around by his override.
      const rex = online.getByRole('listitem', { name: new RegExp(`^${names.rtl}`) })
      const nameBox = await rex.getByText(names.rtl, { exact: true }).boundingBox()
      const whereBox = await rex.locator('.where').boundingBox()
      expect(whereBox!.x, "Rex's room is drawn before his name").toBeGreaterThanOrEqual(nameBox!.x + nameBox!.width - 1)

      // The command palette finds the script-named member and shows the name as text.
      await page.keyboard.press('Control+k')
      await page.getByRole('searchbox', { name: 'Search people and rooms' }).fill('<script>')
      await page.getByRole('list', { name: 'Results' }).getByText(names.script, { exact: true }).waitFor()
      expect(await page.locator('body script').count()).toBe(0)
      console.log(`hostile strings: longest People entry ${Math.max(...texts.map((t) => t.length))} characters, page ${widths.page}px in a ${widths.viewport}px window`)
    } finally {
      await Promise.all([...peers.map((p) => p.leave()), ...calls.map((c) => c.disconnect())])
    }
  })
})
