/**
 * A stage room in Chromium: the audience listens and cannot publish (the call says why), a host
 * brings one of them on stage from their tile, and from then on the host decodes their camera.
 * Token grants and the permission change itself are checked in test/integration/stage.test.ts.
 */
import { describe, expect, it } from 'vitest'
import type { SignedIn } from '../../protocol/api.ts'
import { addMember, createWorkspace, editFloor, MEMBER_PASSWORD, roomRecord } from '../support/factories.ts'
import { officeSuite } from '../support/office-suite.ts'

/** Each step's own bound, so that a failure names the step instead of timing the whole test out. */
const step = { timeout: 30_000 }

describe('stage rooms', () => {
  const suite = officeSuite()
  const open = async (who: SignedIn) => {
    const { office } = await suite.open()
    await office.signIn({ email: who.member.email!, password: MEMBER_PASSWORD })
    return office
  }

  it('in a stage room the audience cannot publish until promoted', async () => {
    const http = suite.http()
    const owner = await createWorkspace(http)
    const [host, bo] = [await addMember(http, owner, 'host'), await addMember(http, owner)]
    await editFloor(http, owner, [{ op: 'room.add', room: roomRecord('room_stage', { name: 'Stage', kind: 'stage', x: 40, y: 330, width: 300, height: 60, capacity: 50 }) }])
    const [hosts, bos] = [await open(host), await open(bo)]
    await hosts.walkInto('Stage')
    await hosts.stage('Stage').getByText('Connected').waitFor(step)
    await bos.walkInto('Stage')
    const boStage = bos.stage('Stage')
    await boStage.getByText('Connected').waitFor(step)

    // The audience: told why, no microphone or camera to turn on, nothing of theirs at the host.
    const why = boStage.getByText('Only speakers talk on stage; raise your hand')
    await why.waitFor(step)
    for (const name of ['Mute microphone', 'Unmute microphone', 'Turn camera off', 'Turn camera on']) {
      const button = boStage.getByRole('button', { name, exact: true })
      expect((await button.count()) === 0 || (await button.isDisabled()), name).toBe(true)
    }
    const boAtHost = hosts.callTile('Stage', bo.member.name)
    await boAtHost.waitFor(step)
    expect(await boAtHost.locator('video').count()).toBe(0)

    await hosts.stage('Stage').getByRole('button', { name: `Moderate ${bo.member.name}` }).click(step)
    await hosts.stage('Stage').getByRole('group', { name: `Moderate ${bo.member.name}` }).getByRole('button', { name: 'Bring on stage' }).click(step)

    // On stage: the reason goes, the microphone and camera are theirs (a stage starts with both off),
    // and once Bo turns his camera on, the host decodes it.
    await why.waitFor({ state: 'detached', ...step })
    await boStage.getByRole('button', { name: /^(Mute|Unmute) microphone$/ }).waitFor(step)
    await boStage.getByRole('button', { name: 'Turn camera on', exact: true }).click(step)
    const first = await hosts.framesDecoded(bo.member.name)
    expect(await hosts.waitForFramesBeyond(bo.member.name, first)).toBeGreaterThan(first)
  })
})
