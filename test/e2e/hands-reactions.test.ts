/**
 * Raised hands and reactions with three members in one call: Ana raises her hand and reacts, and
 * Bo and Cy see it in the call, on Ana's avatar on the floor, and hear it from the screen reader's
 * log. A hand stays until lowered or until its owner leaves the room; a reaction fades by itself.
 */
import { beforeAll, describe, expect, it } from 'vitest'
import type { RoomToken, SignedIn } from '../../protocol/api.ts'
import { REACTION_LIMIT } from '../../protocol/presence.ts'
import { connectParticipant } from '../support/factories.ts'
import { hostilePeer } from '../support/hostile-peer.ts'
import { officeSuite } from '../support/office-suite.ts'
import type { Account, OfficePage } from './pages/office-page.ts'

const ana: Account = { name: 'Ana Silva', email: 'ana@example.com', password: 'correct horse 1' }
const bo: Account = { name: 'Bo Lee', email: 'bo@example.com', password: 'battery staple 2' }
const cy: Account = { name: 'Cy Young', email: 'cy@example.com', password: 'tractor beam 33' }
const eve: Account = { name: 'Eve Mallory', email: 'eve@example.com', password: 'evil twin 666' }
const ROOM = 'Meeting room'

describe('raised hands and reactions', () => {
  const suite = officeSuite()
  let eveIn: SignedIn
  const signIn = async (account: Account) => {
    const { office } = await suite.open()
    await office.signIn(account)
    return office
  }

  beforeAll(async () => {
    const http = suite.http()
    const owner = (await http.post<SignedIn>('/api/workspaces', { name: 'Acme', owner: ana })).body
    for (const who of [bo, cy, eve]) {
      const invite = await http.post<{ code: string }>(`/api/workspaces/${owner.workspace.id}/invites`, { role: 'member' }, owner.session.token)
      const joined = await http.post<SignedIn>(`/api/invites/${invite.body.code}/accept`, who)
      if (who === eve) eveIn = joined.body
    }
  })

  const reactionsOf = (office: OfficePage) => office.stage(ROOM).getByRole('group', { name: 'Reactions' })
  const handsIn = (office: OfficePage) => office.stage(ROOM).getByRole('list', { name: 'Raised hands' })
  const announced = (office: OfficePage, text: string) => office.page.getByRole('log', { name: 'Room arrivals and departures' }).getByText(text)
  /** Ana's avatar on the floor, named with her raised hand. */
  const anaWithHand = (office: OfficePage) => office.page.getByRole('group', { name: 'People' }).getByRole('button', { name: new RegExp(`^${ana.name}, .*, hand raised$`) })
  /** The reaction drawn over Ana's avatar. */
  const anaReacting = (office: OfficePage, emoji: string) =>
    office.page
      .getByRole('group', { name: 'People' })
      .locator('.avatar-wrap', { has: office.page.getByRole('button', { name: new RegExp(`^${ana.name}, `) }) })
      .locator(`[data-reaction="${emoji}"]`)

  it('a raised hand and a reaction are seen in the call and on the floor by everyone in the room', async () => {
    const a = await signIn(ana)
    const b = await signIn(bo)
    const c = await signIn(cy)
    for (const office of [a, b, c]) {
      await office.walkInto(ROOM)
      await office.stage(ROOM).getByText('Connected').waitFor()
    }
    for (const office of [a, b, c]) await office.room(ROOM, 3).waitFor()

    // Ana raises her hand.
    await reactionsOf(a).getByRole('button', { name: 'Raise hand' }).click()
    await expect.poll(() => reactionsOf(a).getByRole('button', { name: 'Lower hand' }).getAttribute('aria-pressed')).toBe('true')
    for (const office of [b, c]) {
      await handsIn(office).getByText(ana.name).waitFor()
      await anaWithHand(office).waitFor()
      await announced(office, `${ana.name} raised their hand`).waitFor()
    }
    // Her own avatar shows it too.
    await a.page.getByRole('group', { name: 'People' }).getByRole('button', { name: /, hand raised$/ }).waitFor()

    // Ana reacts: everyone sees it in the call and over her avatar, and it fades by itself.
    // It shows for 4 s: everything it should be seen in is watched at once, on both screens.
    await reactionsOf(a).getByRole('button', { name: 'React 👍' }).click()
    await Promise.all(
      [b, c].flatMap((office) => [
        office.stage(ROOM).getByRole('list', { name: 'Reactions in the call' }).getByText(`${ana.name} 👍`).waitFor(),
        anaReacting(office, '👍').waitFor(),
        announced(office, `${ana.name} reacted 👍`).waitFor(),
      ]),
    )
    for (const office of [b, c]) await anaReacting(office, '👍').waitFor({ state: 'detached', timeout: 10_000 })
    // A reaction fades; a hand stays until it is lowered.
    expect(await anaWithHand(b).count()).toBe(1)

    await reactionsOf(a).getByRole('button', { name: 'Lower hand' }).click()
    for (const office of [b, c]) {
      await anaWithHand(office).waitFor({ state: 'detached' })
      await handsIn(office).waitFor({ state: 'detached' })
    }

    // Raised again, then Ana leaves the room: her hand goes with her.
    await reactionsOf(a).getByRole('button', { name: 'Raise hand' }).click()
    await anaWithHand(b).waitFor()
    await a.stage(ROOM).getByRole('button', { name: 'Leave room' }).click()
    await a.stage(ROOM).waitFor({ state: 'detached' })
    for (const office of [b, c]) {
      await office.room(ROOM, 2).waitFor()
      await anaWithHand(office).waitFor({ state: 'detached' })
      expect(await handsIn(office).count()).toBe(0)
    }
    // Back in the room, her hand is down: leaving lowered it.
    await a.walkInto(ROOM)
    await a.stage(ROOM).getByText('Connected').waitFor()
    await reactionsOf(a).getByRole('button', { name: 'Raise hand', pressed: false }).waitFor()
    await b.room(ROOM, 3).waitFor()
    expect(await anaWithHand(b).count()).toBe(0)
  })

  it("a peer's reactions are checked and throttled, and a hand counts only in the room the server has them in", async () => {
    const a = await signIn(ana)
    await a.walkInto(ROOM)
    await a.stage(ROOM).getByText('Connected').waitFor()
    // Eve is a scripted member: a real lobby participant, and really in the meeting room's call.
    const e = await hostilePeer(suite.http(), eveIn)
    const http = suite.http()
    const token = await http.post<RoomToken>(`/api/workspaces/${eveIn.workspace.id}/rooms/room_meeting/token`, undefined, eveIn.session.token)
    const inCall = await connectParticipant(token.body.url, token.body.token)
    try {
      await e.declare({ status: 'available', statusText: '', statusUntil: '', floor: 'floor_main', x: '400', y: '400', hand: 'room_private' })
      await a.room(ROOM, 2).waitFor()
      const eveOnFloor = a.personOnFloor(eve.name)
      await eveOnFloor.waitFor()
      // A hand "raised" in a room she is not in is no hand at all.
      expect(await eveOnFloor.getAttribute('aria-label')).not.toMatch(/hand raised/)

      // Every reaction bubble drawn over Eve's avatar, counted as it appears.
      await a.page.evaluate(() => {
        const w = globalThis as unknown as { bubbles: number }
        w.bubbles = 0
        new MutationObserver((records) => {
          for (const r of records) for (const n of r.addedNodes) if (n instanceof HTMLElement && n.dataset.reaction) w.bubbles++
        }).observe(document.querySelector('.layer-people')!, { childList: true, subtree: true })
      })
      // Watched from before the flood: a reaction shows for 4 s only.
      const seen = a.stage(ROOM).getByRole('list', { name: 'Reactions in the call' }).getByText(`${eve.name} 🎉`).waitFor()
      for (const bad of ['{"emoji":"💩"}', '{"emoji":"Send me your password"}', `{"emoji":"👍","pad":"${'x'.repeat(500)}"}`, 'not json']) await e.send('reaction', bad)
      for (let i = 0; i < 30; i++) await e.send('reaction', '{"emoji":"🎉"}')
      await seen
      // The bubble over her avatar too (drawn once the badges' chunk is in: wait, never assume).
      await a.page.waitForFunction(() => (globalThis as unknown as { bubbles: number }).bubbles >= 1)
      // A last good packet after the flood: once it is handled, so is everything before it.
      await e.declare({ hand: 'room_meeting' })
      await a.page.getByRole('group', { name: 'People' }).getByRole('button', { name: new RegExp(`^${eve.name}, .*hand raised$`) }).waitFor()
      const bubbles = await a.page.evaluate(() => (globalThis as unknown as { bubbles: number }).bubbles)
      expect(bubbles).toBeGreaterThanOrEqual(1)
      expect(bubbles).toBeLessThanOrEqual(REACTION_LIMIT)
      expect(await a.page.locator('[data-reaction="💩"]').count()).toBe(0)
      console.log(`hands and reactions: 30 reactions and 4 bad packets from one peer → ${bubbles} shown`)
    } finally {
      await inCall.disconnect()
      await e.leave()
    }
  })
})
