/**
 * A call lost and joined again keeps the member's microphone as it was: Bo, whose meeting rooms
 * start with his microphone on, joins Ana's meeting at her wave, so he starts muted; livekit-server
 * is killed (kill -9, the supervisor starts it again) and his call comes back by itself, still
 * muted, on his own controls and as Ana sees him.
 */
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, it } from 'vitest'
import type { Member } from '../../protocol/api.ts'
import { launchBrowser, openUser, type User } from '../support/browser.ts'
import { addMember, createWorkspace, MEMBER_PASSWORD } from '../support/factories.ts'
import { httpClient } from '../support/http.ts'
import { startStack, type Stack } from '../support/stack.ts'
import { OfficePage } from './pages/office-page.ts'

const step = { timeout: 20_000 }

describe('a call joined again', () => {
  let stack: Stack
  let browser: Browser
  const users: User[] = []

  beforeAll(async () => {
    stack = await startStack({ serveClient: true, supervisedLivekit: true })
    browser = await launchBrowser()
  })
  afterAll(async () => {
    await Promise.all(users.map((u) => u.context.close()))
    await browser?.close()
    await stack?.stop()
  })

  it('keeps the microphone muted of someone who came at another’s request', async () => {
    const http = httpClient(stack.server.url)
    const owner = await createWorkspace(http)
    const [ana, bo] = [(await addMember(http, owner)).member, (await addMember(http, owner)).member]
    const open = async (who: Member) => {
      const user = await openUser(browser, stack.server.url)
      users.push(user)
      const office = new OfficePage(user.page)
      await office.signIn({ email: who.email!, password: MEMBER_PASSWORD })
      await user.page.getByText(/^(Connecting|Reconnecting)…$/).waitFor({ state: 'hidden' })
      return office
    }
    const [a, b] = [await open(ana), await open(bo)]
    // Bo has unmuted in a meeting room himself once: meeting rooms start with his microphone on.
    await b.walkInto('Meeting room')
    const call = b.stage('Meeting room')
    await call.getByText('Connected', { exact: true }).waitFor(step)
    await call.getByRole('button', { name: 'Mute microphone' }).click(step)
    await call.getByRole('button', { name: 'Unmute microphone' }).click(step)
    await call.getByRole('button', { name: 'Mute microphone' }).waitFor(step)
    await b.page.keyboard.press('b')
    await call.waitFor({ state: 'detached', ...step })

    await a.personOnFloor(bo.name).click()
    await a.page.getByRole('region', { name: `Actions for ${bo.name}` }).getByRole('button', { name: 'Wave' }).click()
    await b.page.getByRole('alertdialog', { name: `${ana.name} waves at you` }).getByRole('button', { name: 'Join' }).click()
    await call.getByText('Connected', { exact: true }).waitFor(step)
    await call.getByRole('button', { name: 'Unmute microphone' }).waitFor(step)
    await a.stage('Meeting room').getByRole('figure', { name: new RegExp(`^${bo.name}, muted`) }).waitFor(step)

    const back = stack.livekit.nextStart()
    await stack.livekit.kill()
    await back
    // The call was lost (LiveKit forgot it) and is joined afresh: Ana sees Bo in it again, muted.
    await call.getByText('Reconnected').waitFor(step)
    await call.getByText('Connected', { exact: true }).waitFor(step)
    await a.stage('Meeting room').getByRole('figure', { name: new RegExp(`^${bo.name}, muted`) }).waitFor(step)
    await call.getByRole('button', { name: 'Unmute microphone' }).waitFor(step)
  }, 120_000)
})
