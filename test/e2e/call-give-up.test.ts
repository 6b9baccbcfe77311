/**
 * A call that cannot be got back: livekit-server dies for good (killed, with no supervisor to start
 * it again). The call is tried again for a minute, then given up: the member is told, is back at
 * their desk, and no call is left saying "Reconnecting…" with the camera still on. Meanwhile the
 * lobby, retrying every few seconds, leaves no AudioContext of a failed attempt behind.
 */
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { audioContexts, recordAudioContexts } from '../support/audio-contexts.ts'
import { launchBrowser, openUser, type User } from '../support/browser.ts'
import { addMember, createWorkspace, MEMBER_PASSWORD } from '../support/factories.ts'
import { httpClient } from '../support/http.ts'
import { startStack, type Stack } from '../support/stack.ts'
import { REJOIN_WINDOW_MS } from '../../renderer/services/media/types.ts'
import { OfficePage } from './pages/office-page.ts'

describe('a call lost for good', () => {
  let stack: Stack
  let browser: Browser
  const users: User[] = []

  beforeAll(async () => {
    stack = await startStack({ serveClient: true })
    browser = await launchBrowser()
  })
  afterAll(async () => {
    await Promise.all(users.map((u) => u.context.close()))
    await browser?.close()
    await stack?.stop()
  })

  it('is given up after a minute of trying: the member is told and is back at their desk', async () => {
    const http = httpClient(stack.server.url)
    const owner = await createWorkspace(http)
    const bo = (await addMember(http, owner)).member
    const user = await openUser(browser, stack.server.url, { beforeLoad: recordAudioContexts })
    users.push(user)
    const b = new OfficePage(user.page)
    await b.signIn({ email: bo.email!, password: MEMBER_PASSWORD })
    await b.walkInto('Meeting room')
    const call = b.stage('Meeting room')
    await call.getByText('Connected', { exact: true }).waitFor({ timeout: 20_000 })

    await stack.livekit.kill()
    await call.getByText('Reconnecting…').waitFor({ timeout: 20_000 })
    await b.page.getByText('The call in Meeting room was lost and could not be joined again; you are back at your desk').waitFor({ timeout: REJOIN_WINDOW_MS + 30_000 })
    await call.waitFor({ state: 'detached', timeout: 5_000 })
    // The lobby tried again and again for that minute (each attempt a new lobby): none of them kept its AudioContext.
    const audio = await audioContexts(b.page)
    expect(audio.made, 'AudioContexts made: the lobby retried').toBeGreaterThan(3)
    expect(audio.open, 'AudioContexts left open').toBeLessThanOrEqual(2)
  }, REJOIN_WINDOW_MS + 90_000)
})
