/**
 * Drill: a hostile member. Eve is a real member with a real lobby token, scripted with
 * @livekit/rtc-node: she takes Bo's name, claims the private office, floods Ana with waves, knocks
 * and `meet`s, and sends malformed packets and attributes. Ana (the desktop app, with its real
 * cache) and Bo (a browser) keep seeing the truth: names from the directory, rooms from the
 * server's occupancy, at most three prompts a minute from Eve, and an office that still answers.
 */
import { beforeAll, describe, expect, it } from 'vitest'
import { getSnapshot } from '../../main/cache/queries.ts'
import type { SignedIn } from '../../protocol/api.ts'
import { hostilePeer, type HostilePeer } from '../support/hostile-peer.ts'
import { officeSuite } from '../support/office-suite.ts'
import type { Account, OfficePage } from './pages/office-page.ts'

const ana: Account = { name: 'Ana Silva', email: 'ana@example.com', password: 'correct horse 1' }
const bo: Account = { name: 'Bo Lee', email: 'bo@example.com', password: 'battery staple 2' }
const eve: Account = { name: 'Eve Mallory', email: 'eve@example.com', password: 'evil twin 666' }
/** Inside the starter floor's private office (x 800–1040, y 40–300), which Ana owns. */
const inPrivateOffice = { x: '920', y: '170' }
const fine = { status: 'available', statusText: '', statusUntil: '', floor: 'floor_main', x: '100', y: '640' }

describe('hostile peers', () => {
  const suite = officeSuite()
  let owner: SignedIn
  let eveIn: SignedIn
  let boIn: SignedIn

  beforeAll(async () => {
    const http = suite.http()
    owner = (await http.post<SignedIn>('/api/workspaces', { name: 'Acme', owner: ana })).body
    const join = async (who: Account) => {
      const invite = await http.post<{ code: string }>(`/api/workspaces/${owner.workspace.id}/invites`, { role: 'member' }, owner.session.token)
      return (await http.post<SignedIn>(`/api/invites/${invite.body.code}/accept`, who)).body
    }
    boIn = await join(bo)
    eveIn = await join(eve)
  })

  const signIn = async (account: Account) => {
    const { office } = await suite.open()
    await office.signIn(account)
    return office
  }
  /** Ana on the desktop app, with what her page logs and throws. */
  const anaOnDesktop = async () => {
    const { app, office } = await suite.openDesktop()
    const log: string[] = []
    app.page.on('console', (m) => log.push(m.text()))
    app.page.on('pageerror', (e) => log.push(`pageerror: ${e.message}`))
    await office.signIn(ana)
    return { app, a: office, log }
  }
  /** Frames Ana's window drew while `work` ran, and the longest gap between two of them (ms). */
  const framesWhile = async (office: OfficePage, work: () => Promise<void>) => {
    await office.page.evaluate(() => {
      const w = globalThis as unknown as { gaps: number[]; stop: boolean }
      Object.assign(w, { gaps: [], stop: false })
      let last = performance.now()
      const tick = (t: number) => {
        w.gaps.push(t - last)
        last = t
        if (!w.stop) requestAnimationFrame(tick)
      }
      requestAnimationFrame(tick)
    })
    await work()
    const gaps = await office.page.evaluate(() => {
      const w = globalThis as unknown as { gaps: number[]; stop: boolean }
      w.stop = true
      return w.gaps
    })
    return { frames: gaps.length, longest: Math.round(Math.max(0, ...gaps)) }
  }
  const flood = async (peer: HostilePeer, packet: (i: number) => string) => {
    for (let i = 0; i < 2_000; i++) await peer.send('move', packet(i), true)
  }
  const logged = (log: string[], pattern: RegExp) => expect.poll(() => log.some((l) => pattern.test(l)), { timeout: 10_000 }).toBe(true)
  const onlineNamed = (office: OfficePage, name: string) => office.page.getByRole('list', { name: 'Online' }).getByRole('listitem', { name: new RegExp(`^${name}, `) })

  it("shows the directory's names and the server's rooms, and knocks reach who is really there", async () => {
    const { a } = await anaOnDesktop()
    const b = await signIn(bo)
    await a.desk('2', `${bo.name}, available`).waitFor()

    const e = await hostilePeer(suite.http(), eveIn)
    try {
      // Eve calls herself Bo, says she is in Ana's private office, and stands inside it.
      await e.rename(bo.name)
      await e.declare({ ...fine, ...inPrivateOffice, room: 'room_private', desk: boIn.member.deskId ?? '' })
      for (const office of [a, b]) {
        await office.person(eve.name, 'available').waitFor()
        expect(await onlineNamed(office, `(You, )?${bo.name}`).count(), 'one Bo Lee online').toBe(1)
        expect(await office.personOnFloor(eve.name).getAttribute('aria-label')).toBe(`${eve.name}, available`)
        expect(await office.room('Private office').getAttribute('aria-label')).toMatch(/^Room Private office, 0 people/)
      }

      // Bo knocks on the private office: the knock goes to its owner, not to Eve who claims to be inside.
      await b.walkInto('Private office')
      await b.page.getByRole('region', { name: 'Door of Private office' }).getByRole('button', { name: 'Knock' }).click()
      await a.page.getByRole('alertdialog', { name: `${bo.name} is knocking` }).getByRole('button', { name: 'Admit' }).click()
      await b.stage('Private office').getByText('Connected').waitFor()
      // Now the server has Bo inside, and only Bo.
      await a.room('Private office', 1).waitFor()
      expect(e.calledWith).toEqual([])
    } finally {
      await e.leave()
    }
  })

  it('shows at most three prompts a minute from one peer, and walks nowhere on an unasked `meet`', async () => {
    const { app, a, log } = await anaOnDesktop()
    const e = await hostilePeer(suite.http(), eveIn)
    try {
      await e.declare(fine)
      await a.person(eve.name, 'available').waitFor()

      // Ten waves and ten knocks at once: every call is answered, three become prompts, the knocks over the limit are declined.
      const waves = await e.call(owner.member.id, 'office.wave', '{}', 10)
      const knocks = await e.call(owner.member.id, 'office.knock', JSON.stringify({ roomId: 'room_private' }), 10)
      expect(waves.map((w) => w.status)).toEqual(Array(10).fill('fulfilled'))
      expect(knocks.map((k) => (k.status === 'fulfilled' ? k.value : String(k.reason)))).toEqual(Array(10).fill('{"answer":"declined"}'))
      const prompts = a.page.getByRole('region', { name: 'Requests' }).getByRole('alertdialog')
      await expect.poll(() => prompts.count()).toBe(3)
      expect(await prompts.evaluateAll((els) => els.map((el) => el.getAttribute('aria-label')))).toEqual(Array(3).fill(`${eve.name} waves at you`))
      await expect.poll(() => app.notifications.length).toBe(3)
      await logged(log, /ignored knock over the limit from mem_\w+ \(1 so far\)/)

      // "Meet me in the meeting room", when Ana never waved: ignored, counted, no call.
      const [unasked] = await e.call(owner.member.id, 'office.meet', JSON.stringify({ roomId: 'room_meeting' }))
      expect(unasked?.status).toBe('fulfilled')
      await Promise.race([a.stage('Meeting room').waitFor(), logged(log, /ignored meet without a wave/)])
      expect(await a.stage('Meeting room').count(), 'Ana walked into a call because Eve asked').toBe(0)

      // The same request as the answer to Ana's own wave is taken, once.
      await a.personOnFloor(eve.name).click()
      await a.page.getByRole('region', { name: `Actions for ${eve.name}` }).getByRole('button', { name: 'Wave' }).click()
      await expect.poll(() => e.calledWith).toContain('office.wave')
      await e.call(owner.member.id, 'office.meet', JSON.stringify({ roomId: 'room_meeting' }))
      await a.stage('Meeting room').getByText('Connected').waitFor()
      console.log(`hostile peers: 20 requests from one peer → ${await prompts.count()} prompts, ${app.notifications.length} notifications`)
    } finally {
      await e.leave()
    }
  })

  it('ignores malformed packets and attributes, keeps caching presence, and stays responsive', async () => {
    const { app, a, log } = await anaOnDesktop()
    const b = await signIn(bo)
    await a.desk('2', `${bo.name}, available`).waitFor()
    const e = await hostilePeer(suite.http(), eveIn)
    try {
      // Every attribute malformed (60 kB of status text is within LiveKit's own 64 KiB limit).
      await e.rename('<b>'.repeat(30_000)).catch(() => undefined)
      await e.declare({ status: 'hacker', statusText: '<script>'.repeat(7_500), statusUntil: 'soon', floor: '../../x', x: 'NaN', y: '-1e9' })
      await a.person(eve.name, 'available').waitFor()
      await logged(log, /ignored attribute statusText from mem_/)

      const garbage = ['not json', '{"x":1e308,"y":0}', '{"x":"10","y":"20"}', '[]', 'null', `{"x":1,"y":1,"pad":"${'x'.repeat(5_000)}"}`]
      for (const payload of garbage) await e.send('move', payload)
      for (const payload of ['{"type":"hello"}', '{', '"bye"']) await e.send('presence', payload)
      await e.send('occupancy', JSON.stringify({ rooms: { room_private: [eveIn.member.id] } }))
      await e.send('floor', JSON.stringify({ type: 'since', floorId: 'floor_main', version: 999 }))
      const malformed = await e.call(owner.member.id, 'office.knock', '{"roomId":"<img src=x onerror=alert(1)>"}')
      expect(malformed[0]?.status).toBe('rejected')
      await logged(log, /ignored packet on topic occupancy/)
      await logged(log, /ignored office\.knock request/)
      expect(await a.room('Private office').getAttribute('aria-label')).toMatch(/^Room Private office, 0 people/)

      // Two floods of movement, well-formed then malformed, while Ana's window keeps drawing frames.
      const moves = (i: number) => `{"x":${i % 1000},"y":300}`
      const wellFormed = await framesWhile(a, () => flood(e, moves))
      const malformedFlood = await framesWhile(a, () => flood(e, (i) => (i % 2 ? moves(i) : ['{"x":"NaN"}', 'not json', '{"x":-1,"y":1}'][i % 3]!)))
      console.log(
        `hostile peers: 2,000 well-formed move packets: ${wellFormed.frames} frames, longest gap ${wellFormed.longest} ms; ` +
          `2,000 with half malformed: ${malformedFlood.frames} frames, longest gap ${malformedFlood.longest} ms`,
      )
      // Malformed packets cost no more than well-formed ones (frame times on a busy test machine vary, so the bound is loose).
      expect(malformedFlood.longest).toBeLessThan(Math.max(1_000, 2 * wellFormed.longest))

      // Bo's own change still shows, and the cache keeps taking the picture: Eve's attributes stop nobody.
      await b.setStatus('busy', 'Focusing')
      await a.desk('2', `${bo.name}, busy`).waitFor()
      const cached = () => getSnapshot(app.cache, owner.workspace.id)?.presence?.peers ?? []
      await expect.poll(() => cached().find((p) => p.id === boIn.member.id)?.status, { timeout: 10_000 }).toBe('busy')
      expect(cached().find((p) => p.id === eveIn.member.id)).toMatchObject({ name: eve.name, status: 'available', statusText: '', room: '' })
      expect(log.filter((l) => l.startsWith('pageerror'))).toEqual([])
    } finally {
      await e.leave()
    }
  })
})
