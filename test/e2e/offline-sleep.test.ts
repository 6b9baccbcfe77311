/**
 * Drill: a desktop client's machine goes to sleep and its network is gone for 60 s. The Platform
 * reports the sleep and the resume (main's power events). Meanwhile its user sees the cached floor,
 * read-only, under the offline bar; the others see them leave at once, not a ghost sitting at the
 * desk. On resume it comes back by itself, once, on everyone's floor. Prints what it measured.
 */
import { describe, expect, it } from 'vitest'
import type { SignedIn } from '../../protocol/api.ts'
import { audioContexts, recordAudioContexts } from '../support/audio-contexts.ts'
import { officeSuite } from '../support/office-suite.ts'
import type { Account, OfficePage } from './pages/office-page.ts'

const ana: Account = { name: 'Ana Silva', email: 'ana@example.com', password: 'correct horse 1' }
const bo: Account = { name: 'Bo Lee', email: 'bo@example.com', password: 'battery staple 2' }
const OFFLINE_MS = 60_000

/** Avatars of `name` on `office`'s floor (a ghost or a double shows as a count other than expected). */
const avatars = (office: OfficePage, name: string) => office.page.getByRole('group', { name: 'People' }).getByRole('button', { name: new RegExp(`^${name}, `) })

describe('drill: offline for a minute, with a sleep and a resume', () => {
  const suite = officeSuite()

  it('shows the cached floor offline, leaves no ghost on the others\' floors, and comes back by itself', { timeout: OFFLINE_MS + 90_000 }, async () => {
    const http = suite.http()
    const owner = (await http.post<SignedIn>('/api/workspaces', { name: 'Acme', owner: ana })).body
    const invite = await http.post<{ code: string }>(`/api/workspaces/${owner.workspace.id}/invites`, { role: 'member' }, owner.session.token)
    await http.post(`/api/invites/${invite.body.code}/accept`, bo)

    const { app, office: a } = await suite.openDesktop({ beforeLoad: recordAudioContexts })
    await a.signIn(ana)
    const { office: b } = await suite.open()
    await b.signIn(bo)
    await b.desk('1', `${ana.name}, available`).waitFor()
    await a.desk('2', `${bo.name}, available`).waitFor()
    await expect.poll(() => avatars(b, ana.name).count()).toBe(1)

    // The lid closes: main reports the suspend, then the network is gone.
    const asleepAt = Date.now()
    await app.emit('power:suspended')
    await app.context.setOffline(true)
    await a.offlineBar().waitFor({ timeout: 10_000 })
    // Bo sees Ana leave now, not when LiveKit times her connection out.
    await b.desk('1', `${ana.name}, offline`).waitFor({ timeout: 5_000 })
    await avatars(b, ana.name).first().waitFor({ state: 'detached', timeout: 5_000 })
    const goneForOthersMs = Date.now() - asleepAt
    // From now on each page keeps what it showed, at every change of its DOM: a flicker between
    // two looks counts too. Ana's page: the connection bar's text, and any moment her cached floor
    // lost the meeting room or her desk. Bo's page: any moment Ana was back on his floor.
    await a.page.evaluate((name) => {
      const w = window as unknown as { __bar: string[]; __lost: string[] }
      w.__bar = []
      w.__lost = []
      const note = () => {
        w.__bar.push(document.querySelector('.connection')?.textContent ?? '(no bar)')
        if (!document.querySelector('[aria-label="Rooms"] [aria-label^="Room Meeting room, "]')) w.__lost.push('the meeting room')
        if (!document.querySelector(`[aria-label="Desks"] [aria-label^="Desk 1, ${name}"]`)) w.__lost.push('desk 1')
      }
      note()
      new MutationObserver(note).observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true })
    }, ana.name)
    await b.page.evaluate((name) => {
      const w = window as unknown as { __ghost: string[] }
      w.__ghost = []
      const note = () => {
        const avatars = document.querySelectorAll(`[aria-label="People"] [aria-label^="${name}, "]`).length
        const desk = document.querySelector('[aria-label="Desks"] [aria-label^="Desk 1, "]')?.getAttribute('aria-label') ?? '(no desk 1)'
        if (avatars > 0 || desk !== `Desk 1, ${name}, offline`) w.__ghost.push(`${avatars} avatars; ${desk}`)
      }
      note()
      new MutationObserver(note).observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true })
    }, ana.name)

    // The minute offline passes (the drill's length, not a wait for the app).
    await b.page.waitForFunction((until) => Date.now() >= until, asleepAt + OFFLINE_MS, { timeout: OFFLINE_MS + 5_000, polling: 1_000 })
    // Ana kept her cached floor the whole minute; Bo never saw her back.
    const [lost, ghost] = [await a.page.evaluate(() => (window as unknown as { __lost: string[] }).__lost), await b.page.evaluate(() => (window as unknown as { __ghost: string[] }).__ghost)]
    expect([...new Set(lost)], 'what Ana\'s cached floor lost while offline').toEqual([])
    expect([...new Set(ghost)], 'Ana on Bo\'s floor while she was offline').toEqual([])
    await a.room('Meeting room').waitFor({ timeout: 1_000 })
    await a.desk('1', ana.name).waitFor({ timeout: 1_000 })
    await b.desk('1', `${ana.name}, offline`).waitFor({ timeout: 1_000 })
    expect(await avatars(b, ana.name).count(), 'no ghost of Ana on Bo\'s floor').toBe(0)

    // Retrying all the while (with backoff), the bar never stopped saying offline and read-only.
    const shown = await a.page.evaluate(() => [...new Set((window as unknown as { __bar: string[] }).__bar)])
    expect(shown.filter((text) => !/read-only/.test(text)), 'what the bar said while offline').toEqual([])
    // Nor did a failed retry leave audio running: an offline desk keeps no audio thread awake.
    expect((await audioContexts(a.page)).running, 'AudioContexts running while offline').toBe(0)

    // The lid opens: the network is back and main reports the resume.
    const resumedAt = Date.now()
    await app.context.setOffline(false)
    await app.emit('power:resumed')
    await a.offlineBar().waitFor({ state: 'detached', timeout: 15_000 })
    await a.desk('2', `${bo.name}, available`).waitFor({ timeout: 15_000 })
    await b.desk('1', `${ana.name}, available`).waitFor({ timeout: 15_000 })
    const backMs = Date.now() - resumedAt
    // Exactly one of each, on each floor: nothing doubled by the reconnect.
    await expect.poll(() => avatars(b, ana.name).count()).toBe(1)
    await expect.poll(() => avatars(a, bo.name).count()).toBe(1)
    console.log(
      `drill offline ${OFFLINE_MS / 1000} s with sleep/resume: gone from the others' floors ${goneForOthersMs} ms after the suspend; ` +
        `offline bar and cached floor held through ${OFFLINE_MS / 1000} s; back on both floors ${backMs} ms after the resume`,
    )
  })
})
