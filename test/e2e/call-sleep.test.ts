/**
 * A desktop client's machine goes to sleep in a call (main reports the suspend): it leaves the call
 * at once, so the others see it go, and waking up does not put it back into yesterday's meeting
 * with its microphone on: it is at its desk, told why.
 */
import { describe, it } from 'vitest'
import { addMember, createWorkspace, MEMBER_PASSWORD } from '../support/factories.ts'
import { officeSuite } from '../support/office-suite.ts'

const step = { timeout: 20_000 }

describe('a call across sleep', () => {
  const suite = officeSuite()

  it('leaves the call when the computer goes to sleep, and waking up does not join it again', async () => {
    const http = suite.http()
    const owner = await createWorkspace(http)
    const [ana, bo] = [(await addMember(http, owner)).member, (await addMember(http, owner)).member]
    const { app, office: a } = await suite.openDesktop()
    await a.signIn({ email: ana.email!, password: MEMBER_PASSWORD })
    const { office: b } = await suite.open()
    await b.signIn({ email: bo.email!, password: MEMBER_PASSWORD })
    await a.walkInto('Meeting room')
    await b.walkInto('Meeting room')
    const anaInBosCall = b.callTile('Meeting room', ana.name)
    await anaInBosCall.waitFor(step)

    await app.emit('power:suspended')
    // Bo sees her leave the call now, not when LiveKit times her connection out.
    await anaInBosCall.waitFor({ state: 'detached', ...step })
    await a.page.getByText('You left the call in Meeting room when the computer went to sleep').waitFor(step)
    await a.stage('Meeting room').waitFor({ state: 'detached', ...step })

    await app.emit('power:resumed')
    // Back in the office (on Bo's floor again), and still not in the call.
    await a.offlineBar().waitFor({ state: 'detached', ...step })
    await b.personOnFloor(ana.name).waitFor(step)
    await b.callTile('Meeting room', 'You').waitFor(step)
    await anaInBosCall.waitFor({ state: 'detached', timeout: 1_000 })
    await a.stage('Meeting room').waitFor({ state: 'detached', timeout: 1_000 })
  }, 120_000)
})
