/**
 * Hosts' view of the space (issue 13): the usage plot renders from what LiveKit's webhooks
 * recorded. Ana and Bo come online and Ana walks into the meeting room; the real livekit-server
 * tells the server, and Space usage shows it as a chart and a table, with the busiest room.
 */
import { describe, expect, it } from 'vitest'
import type { Usage } from '../../protocol/analytics.ts'
import type { SignedIn } from '../../protocol/api.ts'
import { until } from '../support/factories.ts'
import { officeSuite } from '../support/office-suite.ts'
import { openManage, type Account } from './pages/office-page.ts'

const ana: Account = { name: 'Ana Silva', email: 'ana@example.com', password: 'correct horse 1' }
const bo: Account = { name: 'Bo Lee', email: 'bo@example.com', password: 'battery staple 2' }

describe('space usage', () => {
  const suite = officeSuite()

  it('plots who was online and in which room, from the webhooks LiveKit sent', async () => {
    const http = suite.http()
    const owner = (await http.post<SignedIn>('/api/workspaces', { name: 'Acme', owner: ana })).body
    const invite = await http.post<{ code: string }>(`/api/workspaces/${owner.workspace.id}/invites`, { role: 'member' }, owner.session.token)
    await http.post(`/api/invites/${invite.body.code}/accept`, bo)

    const a = (await suite.open()).office
    await a.signIn(ana)
    const b = (await suite.open()).office
    await b.signIn(bo)
    await a.walkInto('Meeting room')
    await a.stage('Meeting room').getByText('Connected').waitFor()
    // The webhooks arrive on their own time: the figures are read once they hold both arrivals.
    const usage = () => http.get<Usage>(`/api/workspaces/${owner.workspace.id}/analytics?days=1&bucket=hour`, owner.session.token)
    await until(async () => {
      const u = (await usage()).body
      return u.people.at(-1) === 2 && u.rooms.at(-1) === 1
    }, 'the webhooks of both arrivals and the room')

    await openManage(a.page)
    await a.page.getByRole('button', { name: 'Space usage' }).click()
    const dialog = a.page.getByRole('dialog', { name: 'Space usage' })
    const chart = dialog.getByRole('img', { name: /^People online, desks and rooms used and companies present, today, by hour; at most 2 people at once/ })
    await chart.waitFor()
    // uPlot drew the lines: the canvas holds coloured pixels, not a blank box.
    const drawn = await chart.locator('canvas').evaluate((canvas: HTMLCanvasElement) => {
      const { data } = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height)
      let coloured = 0
      for (let i = 0; i < data.length; i += 4) if (data[i + 3]! > 0 && !(data[i] === data[i + 1] && data[i + 1] === data[i + 2])) coloured++
      return coloured
    })
    expect(drawn).toBeGreaterThan(50)
    // The same figures in the table: this hour, two people online on two desks, one room in use.
    const thisHour = dialog.getByRole('table', { name: /^By hour, newest first/ }).getByRole('row').nth(1)
    await expect.poll(() => thisHour.getByRole('cell').allTextContents()).toEqual(['2', '2', '1', '0'])
    await dialog.getByRole('listitem').filter({ hasText: /^Meeting room: / }).waitFor()
    await dialog.getByRole('button', { name: 'Close' }).click()
    await dialog.waitFor({ state: 'detached' })
  })
})
