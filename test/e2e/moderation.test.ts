/**
 * Moderation from the call, in Chromium: a host opens their menu on someone's tile, mutes their
 * microphone (both see it muted, the muted member's own button says so, and it is not remembered
 * as their choice for meeting rooms), then removes them. The removed member leaves the call with
 * a notice naming who and for how long, and walking back to the door is refused with that reason.
 * That the refusal ends after 5 minutes is checked on the server's clock in
 * test/integration/moderation.test.ts.
 */
import { describe, expect, it } from 'vitest'
import type { SignedIn } from '../../protocol/api.ts'
import { addMember, createWorkspace, MEMBER_PASSWORD } from '../support/factories.ts'
import { officeSuite } from '../support/office-suite.ts'

/** Each step's own bound, so that a failure names the step instead of timing the whole test out. */
const step = { timeout: 30_000 }

describe('moderation in a call', () => {
  const suite = officeSuite()
  const open = async (who: SignedIn) => {
    const { office } = await suite.open()
    await office.signIn({ email: who.member.email!, password: MEMBER_PASSWORD })
    return office
  }

  it('a host mutes a participant, then removes them, and they are refused for 5 minutes', async () => {
    const http = suite.http()
    const owner = await createWorkspace(http)
    const [host, bo] = [await addMember(http, owner, 'host'), await addMember(http, owner)]
    const [hosts, bos] = [await open(host), await open(bo)]
    await hosts.walkInto('Meeting room')
    await hosts.stage('Meeting room').getByText('Connected').waitFor(step)
    await bos.walkInto('Meeting room')
    await bos.stage('Meeting room').getByText('Connected').waitFor(step)
    const boAtHost = hosts.callTile('Meeting room', bo.member.name)
    await boAtHost.waitFor(step)
    const menu = async () => {
      await hosts.stage('Meeting room').getByRole('button', { name: `Moderate ${bo.member.name}` }).click(step)
      return hosts.stage('Meeting room').getByRole('group', { name: `Moderate ${bo.member.name}` })
    }

    await (await menu()).getByRole('button', { name: 'Mute microphone', exact: true }).click(step)
    // Seen muted by the host and by Bo himself.
    await hosts.stage('Meeting room').getByRole('figure', { name: new RegExp(`^${bo.member.name}, muted`) }).waitFor(step)
    await bos.stage('Meeting room').getByRole('figure', { name: /^You, muted/ }).waitFor(step)
    // Bo's own controls say so too. The host's mute is not taken for Bo's own choice: after a
    // restart of the app, meeting rooms start with his microphone on, as before.
    await bos.stage('Meeting room').getByRole('button', { name: 'Unmute microphone' }).waitFor(step)
    await bos.page.reload()
    await bos.page.getByText(/^(Connecting|Reconnecting)…$/).waitFor({ state: 'hidden', ...step })
    await bos.walkInto('Meeting room')
    await bos.stage('Meeting room').getByText('Connected', { exact: true }).waitFor(step)
    await bos.stage('Meeting room').getByRole('button', { name: 'Mute microphone' }).waitFor(step)
    await hosts.stage('Meeting room').getByRole('figure', { name: new RegExp(`^${bo.member.name}(, speaking)?$`) }).waitFor(step)

    await (await menu()).getByRole('button', { name: 'Remove from room' }).click(step)
    const reason = `${host.member.name} removed you from Meeting room; you can come back in 5 minutes`
    await bos.stage('Meeting room').waitFor({ state: 'detached', ...step })
    await bos.page.getByRole('status').getByText(reason).first().waitFor(step)
    await boAtHost.waitFor({ state: 'detached', ...step })

    // Back at the door, once that notice has gone: refused with the reason again, and no call.
    const notice = bos.page.getByRole('status').getByText(reason)
    await notice.first().waitFor({ state: 'detached', ...step })
    await bos.walkInto('Meeting room')
    await notice.first().waitFor(step)
    await hosts.room('Meeting room', 1).waitFor(step)
    expect(await bos.stage('Meeting room').getByText('Connected', { exact: true }).count()).toBe(0)
  })
})
