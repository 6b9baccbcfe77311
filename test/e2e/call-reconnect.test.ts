/**
 * A network cut during a call: the browser goes offline for 10 s (Playwright's context offline,
 * with every WebSocket closed and refused meanwhile: test/support/network-cut.ts). The call says it
 * is reconnecting, and comes back by itself once the network does: each decodes the other's video
 * again, no reload, no click.
 */
import type { BrowserContext } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import type { SignedIn } from '../../protocol/api.ts'
import { cuttableNetwork, type NetworkCut } from '../support/network-cut.ts'
import { officeSuite } from '../support/office-suite.ts'
import { videoFlowing } from '../support/video-flowing.ts'
import type { Account } from './pages/office-page.ts'

const ana: Account = { name: 'Ana Silva', email: 'ana@example.com', password: 'correct horse 1' }
const bo: Account = { name: 'Bo Lee', email: 'bo@example.com', password: 'battery staple 2' }
const CUT_MS = 10_000

describe('call after a network cut', () => {
  const suite = officeSuite()

  it(`a network cut of ${CUT_MS / 1000} s (context offline) comes back into the call by itself`, async () => {
    const http = suite.http()
    const owner = (await http.post<SignedIn>('/api/workspaces', { name: 'Acme', owner: ana })).body
    const invite = await http.post<{ code: string }>(`/api/workspaces/${owner.workspace.id}/invites`, { role: 'member' }, owner.session.token)
    await http.post(`/api/invites/${invite.body.code}/accept`, bo)
    let network: NetworkCut | null = null
    const open = async (account: Account, cuttable = false) => {
      const beforeLoad = async (context: BrowserContext) => void (network = await cuttableNetwork(context))
      const { user, office } = await suite.open(undefined, cuttable ? { beforeLoad } : {})
      await office.signIn(account)
      return { user, office }
    }
    const a = await open(ana, true)
    const b = await open(bo)
    await a.office.walkInto('Meeting room')
    await b.office.walkInto('Meeting room')
    await Promise.all([videoFlowing(a.user.page, bo.name, 15_000), videoFlowing(b.user.page, ana.name, 15_000)])

    const call = a.office.stage('Meeting room')
    const cutAt = Date.now()
    await network!.cut()
    // Ana's client notices: the call says so.
    await call.getByText('Reconnecting…').waitFor({ timeout: CUT_MS })
    // The cut lasts its 10 s (the scenario, not a wait for the app): poll the clock.
    await a.user.page.waitForFunction((until) => Date.now() >= until, cutAt + CUT_MS, { polling: 200, timeout: CUT_MS + 1_000 })
    await network!.restore()
    const backAt = Date.now()

    await Promise.all([videoFlowing(a.user.page, bo.name, 20_000), videoFlowing(b.user.page, ana.name, 20_000)])
    await call.getByText('Connected', { exact: true }).waitFor()
    await call.getByText('Reconnected').waitFor()
    const back = Date.now() - backAt
    console.log(`call back ${back} ms after the network returned (cut ${CUT_MS} ms)`)
    expect(await call.getByText('Reconnecting…').count()).toBe(0)
    // Still one call each: nobody is in the room twice.
    await a.office.room('Meeting room', 2).waitFor()
    await b.office.room('Meeting room', 2).waitFor()
  }, 90_000)
})
