/**
 * Network trouble: the server goes away mid-session. The floor stays on screen, read-only, with an
 * offline bar; when the server returns the client recovers by itself, catches up with an edit made
 * while it was away, and shows no ghost avatars.
 */
import { describe, expect, it } from 'vitest'
import type { SignedIn } from '../../protocol/api.ts'
import { officeSuite } from '../support/office-suite.ts'
import { startServer } from '../support/server.ts'
import type { Account } from './pages/office-page.ts'

const ana: Account = { name: 'Ana Silva', email: 'ana@example.com', password: 'correct horse 1' }
const bo: Account = { name: 'Bo Lee', email: 'bo@example.com', password: 'battery staple 2' }

describe('recovering from a lost server', () => {
  const suite = officeSuite()

  it('keeps the floor with an offline bar while the server is down, then catches up with an edit made meanwhile', async () => {
    const { stack } = suite
    const http = suite.http()
    const owner = (await http.post<SignedIn>('/api/workspaces', { name: 'Acme', owner: ana })).body
    const invite = await http.post<{ code: string }>(`/api/workspaces/${owner.workspace.id}/invites`, { role: 'member' }, owner.session.token)
    await http.post(`/api/invites/${invite.body.code}/accept`, bo)

    const { office: b } = await suite.open()
    await b.signIn(bo)
    await b.desk('1', `${ana.name}, offline`).waitFor()

    // The server dies. LiveKit stays up, so only the heartbeat can tell.
    const dataDir = stack.server.dataDir
    await stack.server.stop({ keepData: true })
    await b.offlineBar().waitFor()
    await b.room('Meeting room').waitFor()
    await b.desk('2', `${bo.name}, available`).waitFor()

    // It comes back on the same address and data; a host renames a room before the client is back.
    stack.server = await startServer({ livekit: stack.livekit, port: stack.port, dataDir, serveClient: true, origins: stack.server.origins })
    const floor = await http.get<{ version: number }>(`/api/workspaces/${owner.workspace.id}/floors/floor_main`, owner.session.token)
    const edit = await http.post(`/api/workspaces/${owner.workspace.id}/floors/floor_main/edits`, {
      baseVersion: floor.body.version,
      ops: [{ op: 'room.update', id: 'room_lounge', changes: { name: 'Garden' } }],
    }, owner.session.token)
    if (edit.status !== 200) throw new Error(`edit failed: ${edit.status} ${JSON.stringify(edit.body)}`)

    await b.offlineBar().waitFor({ state: 'detached', timeout: 20_000 })
    await b.room('Garden').waitFor()
    // Exactly one avatar of Bo on the floor: nothing doubled by the reconnect.
    expect(await b.page.getByRole('group', { name: 'People' }).getByRole('button', { name: new RegExp(bo.name) }).count()).toBe(1)
  })

  it('keeps the office on screen when a part opened while the server is away cannot load, and shows the part once it is back', async () => {
    const { stack } = suite
    const http = suite.http()
    const carol: Account = { name: 'Carol Ng', email: 'carol@example.com', password: 'correct horse 3' }
    await http.post<SignedIn>('/api/workspaces', { name: 'Parts', owner: carol })
    const { office: c } = await suite.open()
    await c.signIn(carol)
    await c.desk('1', `${carol.name}, available`).waitFor()

    const dataDir = stack.server.dataDir
    await stack.server.stop({ keepData: true })
    await c.offlineBar().waitFor()
    // The shortcuts sheet has never been shown: its code is on the server that is gone.
    const failed = c.page.waitForEvent('requestfailed', { predicate: (r) => r.url().includes('/assets/ShortcutsSheet') })
    await c.page.locator('body').press('?')
    const sheet = c.page.getByRole('dialog', { name: 'Keyboard shortcuts' })
    // The failed load leaves the office as it was (React.lazy alone would have unmounted all of it).
    await failed
    await c.room('Meeting room').waitFor()
    await c.offlineBar().waitFor()

    stack.server = await startServer({ livekit: stack.livekit, port: stack.port, dataDir, serveClient: true, origins: stack.server.origins })
    await sheet.waitFor({ timeout: 20_000 })
    await c.offlineBar().waitFor({ state: 'detached', timeout: 20_000 })
  })
})
