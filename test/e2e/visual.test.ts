/**
 * Visual regression of the key screens (issue 10): the welcome screen, the floor with people, a
 * call, the floor editor, the floor in the dark theme, the directory (issue 13), and the board, a
 * room's card and its whiteboard (issue 14), each compared with its committed
 * baseline (test/support/screens.ts). The office is the same every run: fixed names, everyone at
 * their desk; live video is masked. `npm run screens:update` rewrites the baselines on purpose.
 */
import type { Page } from 'playwright-core'
import { beforeAll, describe, it } from 'vitest'
import type { SignedIn } from '../../protocol/api.ts'
import { officeSuite } from '../support/office-suite.ts'
import { expectScreen } from '../support/screens.ts'
import { DirectoryPage } from './pages/directory-page.ts'
import { EditorPage } from './pages/editor-page.ts'
import type { Account, OfficePage } from './pages/office-page.ts'
import { WhiteboardPage } from './pages/whiteboard-page.ts'

const ana: Account = { name: 'Ana Silva', email: 'ana@example.com', password: 'correct horse 1' }
const bo: Account = { name: 'Bo Lee', email: 'bo@example.com', password: 'battery staple 2' }

describe('the key screens look as their baselines', () => {
  // A silent microphone: who is speaking would change the call's picture (rings, tile frames).
  const suite = officeSuite({ silentMicrophone: true })

  beforeAll(async () => {
    const http = suite.http()
    const owner = (await http.post<SignedIn>('/api/workspaces', { name: 'Acme', owner: ana })).body
    const invite = await http.post<{ code: string }>(`/api/workspaces/${owner.workspace.id}/invites`, { role: 'member' }, owner.session.token)
    await http.post(`/api/invites/${invite.body.code}/accept`, bo)
  })

  /** Ana and Bo signed in, each at their desk and seen there by the other; the notices of arriving gone. */
  const bothAtDesks = async (): Promise<{ a: OfficePage; b: OfficePage }> => {
    const a = (await suite.open()).office
    await a.signIn(ana)
    const b = (await suite.open()).office
    await b.signIn(bo)
    await a.desk('2', `${bo.name}, available`).waitFor()
    await b.desk('1', `${ana.name}, available`).waitFor()
    await quiet(a.page)
    return { a, b }
  }
  /** Waits until no notice is showing and the avatars stand still, so that the picture is the same every run. */
  const quiet = async (page: Page) => {
    await page.locator('.notices > *').first().waitFor({ state: 'detached' })
    // Glides are Web Animations, or drawn on the walkers' canvas while the avatar waits hidden (data-walking).
    await page.waitForFunction(() => document.getAnimations().every((a) => a.playState !== 'running') && !document.querySelector('[data-walking]'))
  }

  it('welcome', async () => {
    const { office } = await suite.open()
    await office.page.getByRole('tab', { name: 'Sign in' }).waitFor()
    await expectScreen(office.page, 'welcome')
  })

  it('the floor with people', async () => {
    const { a } = await bothAtDesks()
    await expectScreen(a.page, 'floor')
  })

  it('a call', async () => {
    const { a, b } = await bothAtDesks()
    await a.walkInto('Meeting room')
    // Bo walks in once Ana stands inside on his screen, so the picture does not depend on who got there first.
    await b.page.waitForFunction((who) => {
      const room = document.querySelector('[aria-label^="Room Meeting room,"]')?.getBoundingClientRect()
      const avatar = document.querySelector(`[role="group"][aria-label="People"] [aria-label^="${who},"]`)?.getBoundingClientRect()
      if (!room || !avatar) return false
      const [x, y] = [avatar.x + avatar.width / 2, avatar.y + avatar.height / 2]
      return x > room.left && x < room.right && y > room.top && y < room.bottom
    }, ana.name)
    await b.walkInto('Meeting room')
    await a.stage('Meeting room').getByText('Connected').waitFor()
    // Bo's camera shows (live video is masked): not his initials while it is on its way.
    await a.stage('Meeting room').getByRole('img', { name: `Video of ${bo.name}` }).or(a.page.getByLabel(`Video of ${bo.name}`)).waitFor()
    await a.room('Meeting room', 2).waitFor()
    // Both microphones off (and silent anyway): the picture shows them muted.
    for (const o of [a, b]) await o.stage('Meeting room').getByRole('button', { name: 'Mute microphone' }).click()
    await a.stage('Meeting room').getByRole('button', { name: 'Unmute microphone' }).waitFor()
    // Whoever took the same spot as the other steps aside once the server lists them both (spots.ts).
    await a.page.waitForFunction(() => {
      const [one, two] = [...document.querySelectorAll('[role="group"][aria-label="People"] .avatar')].map((el) => el.getBoundingClientRect())
      return !!one && !!two && (one.right <= two.left || two.right <= one.left || one.bottom <= two.top || two.bottom <= one.top)
    })
    await quiet(a.page)
    await expectScreen(a.page, 'call', { mask: [a.page.locator('video')] })
  })

  it('the floor editor', async () => {
    const { a } = await bothAtDesks()
    const editor = new EditorPage(a.page)
    await editor.startEditing()
    await quiet(a.page)
    await expectScreen(a.page, 'editor')
  })

  it('the floor in the dark theme', async () => {
    const { a } = await bothAtDesks()
    await a.page.emulateMedia({ colorScheme: 'dark' })
    await quiet(a.page)
    await expectScreen(a.page, 'floor-dark')
  })

  it('the board', async () => {
    const { a } = await bothAtDesks()
    await a.page.getByRole('banner').getByRole('button', { name: 'Board', exact: true }).click()
    await a.page.getByRole('region', { name: 'Board', exact: true }).getByRole('listitem', { name: bo.name }).waitFor()
    await quiet(a.page)
    await expectScreen(a.page, 'board')
  })

  it('the directory', async () => {
    const { a } = await bothAtDesks()
    const directory = new DirectoryPage(a.page)
    await directory.show()
    await directory.region().getByText(bo.name).first().waitFor()
    await quiet(a.page)
    await expectScreen(a.page, 'directory')
  })

  it('a room’s card', async () => {
    const { a } = await bothAtDesks()
    const card = await a.roomCard('Meeting room')
    await card.getByText('Nothing on the whiteboard yet.').waitFor()
    await card.getByRole('button', { name: 'Shelf', exact: true }).waitFor()
    await quiet(a.page)
    await expectScreen(a.page, 'room-card')
  })

  it('a room’s whiteboard', async () => {
    const { a } = await bothAtDesks()
    await a.walkInto('Meeting room')
    await a.stage('Meeting room').getByText('Connected').waitFor()
    const board = new WhiteboardPage(a, 'Meeting room')
    await board.open()
    await board.shapes(0).waitFor()
    await quiet(a.page)
    // The board covers the call, its video included: nothing live shows.
    await expectScreen(a.page, 'whiteboard')
  })
})

