/**
 * People never stand on each other: two members who click the same room at the same moment both
 * see it empty and both head for its centre; the later arrival by the server's occupancy steps
 * aside, and both screens end up showing them apart, in the same places.
 */
import { RoomServiceClient } from 'livekit-server-sdk'
import { beforeAll, describe, expect, it } from 'vitest'
import type { SignedIn } from '../../protocol/api.ts'
import { lobbyRoomName } from '../../protocol/presence.ts'
import { PERSONAL_SPACE } from '../../renderer/floor/spots.ts'
import { officeSuite } from '../support/office-suite.ts'
import type { Account, OfficePage } from './pages/office-page.ts'

const ana: Account = { name: 'Ana Silva', email: 'ana@example.com', password: 'correct horse 1' }
const bo: Account = { name: 'Bo Lee', email: 'bo@example.com', password: 'battery staple 2' }
const ROOM = 'Meeting room'

type Spots = Record<string, { x: number; y: number }>

/** Where each avatar is drawn (or gliding to), in floor units, by name: what the user sees. */
const spotsOn = (office: OfficePage): Promise<Spots> =>
  office.page.evaluate(() => {
    const out: Record<string, { x: number; y: number }> = {}
    for (const wrap of document.querySelectorAll<HTMLElement>('.layer-people .avatar-wrap')) {
      const name = wrap.querySelector('button')?.getAttribute('title') ?? ''
      // A glide is a Web Animation of transform (motion.ts): where it ends is its last keyframe. A
      // glide drawn on the walkers' canvas moves the margins only where it ends; the test polls until then.
      const to = wrap.getAnimations().at(-1)?.effect
      const end = to instanceof KeyframeEffect ? String(to.getKeyframes().at(-1)?.transform ?? '') : ''
      const glide = /translate\((-?[\d.]+)px, (-?[\d.]+)px\)/.exec(end)
      // Its margins place the avatar box's corner (30 units wide); a glide's transform moves it from there.
      out[name] = { x: parseFloat(wrap.style.marginLeft) + 15 + Number(glide?.[1] ?? 0), y: parseFloat(wrap.style.marginTop) + 15 + Number(glide?.[2] ?? 0) }
    }
    return out
  })

const apart = (s: Spots) => {
  const [p, q] = [s[ana.name], s[bo.name]]
  return p && q ? Math.hypot(p.x - q.x, p.y - q.y) : -1
}
const same = (s: Spots, t: Spots) =>
  [ana.name, bo.name].every((n) => s[n] && t[n] && Math.hypot(s[n].x - t[n].x, s[n].y - t[n].y) < 1)

describe('people apart', () => {
  const suite = officeSuite()
  let owner: SignedIn
  let boIn: SignedIn
  const signIn = async (account: Account) => {
    const { office } = await suite.open()
    await office.signIn(account)
    return office
  }

  beforeAll(async () => {
    const http = suite.http()
    owner = (await http.post<SignedIn>('/api/workspaces', { name: 'Acme', owner: ana })).body
    const invite = await http.post<{ code: string }>(`/api/workspaces/${owner.workspace.id}/invites`, { role: 'member' }, owner.session.token)
    boIn = (await http.post<SignedIn>(`/api/invites/${invite.body.code}/accept`, bo)).body
  })

  it('two members entering at once stand apart, on both screens', async () => {
    const a = await signIn(ana)
    const b = await signIn(bo)
    await a.desk('2', `${bo.name}, available`).waitFor()
    await b.desk('1', `${ana.name}, available`).waitFor()

    // Both click the room at the same moment: each sees it empty and heads for its centre.
    await Promise.all([a.walkInto(ROOM), b.walkInto(ROOM)])
    for (const office of [a, b]) await office.stage(ROOM).getByText('Connected').waitFor()
    for (const office of [a, b]) await office.room(ROOM, 2).waitFor()

    // Both screens come to agree on where the two stand, and they stand apart.
    let seen: [Spots, Spots] = [{}, {}]
    await expect
      .poll(
        async () => {
          seen = [await spotsOn(a), await spotsOn(b)]
          return same(seen[0], seen[1]) && apart(seen[0]) >= PERSONAL_SPACE
        },
        { timeout: 15_000, interval: 100 },
      )
      .toBe(true)
    const settled = seen

    // And stay so. Resting points reach the others as lobby attributes (throttled to one write in
    // 2 s): once LiveKit holds both final ones, every client has the facts the rule decides on.
    const { livekit } = suite.stack
    const lk = new RoomServiceClient(livekit.httpUrl, livekit.apiKey, livekit.apiSecret)
    const names: Record<string, string> = { [owner.member.id]: ana.name, [boIn.member.id]: bo.name }
    await expect
      .poll(
        async () => {
          const declared = await lk.listParticipants(lobbyRoomName(owner.workspace.id))
          return declared.filter((p) => {
            const at = settled[0][names[p.identity] ?? '']
            return at && Math.abs(Number(p.attributes.x) - at.x) <= 1 && Math.abs(Number(p.attributes.y) - at.y) <= 1
          }).length
        },
        { timeout: 10_000 },
      )
      .toBe(2)
    for (const office of [a, b]) {
      const now = await spotsOn(office)
      expect(same(now, settled[0]), 'nobody moved again').toBe(true)
      expect(apart(now)).toBeGreaterThanOrEqual(PERSONAL_SPACE)
    }
    console.log(`people apart: ${apart(settled[0]).toFixed(0)} floor units between them (personal space ${PERSONAL_SPACE})`)
  })
})
