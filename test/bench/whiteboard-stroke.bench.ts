/**
 * Whiteboard stroke propagation (issue 14): Ana and Bo, two real Chromium members from the real
 * server, sit in the meeting room with its whiteboard open; Ana draws 40 rectangles with the mouse.
 * Measured: Ana's pointer going down on the canvas → Bo's board counting the new shape (his DOM),
 * one clock (both pages run in one browser on this machine). Goal: p95 ≤ 100 ms.
 */
import type { SignedIn } from '../../protocol/api.ts'
import { OfficePage, type Account } from '../e2e/pages/office-page.ts'
import { WhiteboardPage } from '../e2e/pages/whiteboard-page.ts'
import { launchBrowser, openUser } from '../support/browser.ts'
import { httpClient } from '../support/http.ts'
import { startStack } from '../support/stack.ts'
import { ms, summary, type Benchmark } from './harness.ts'

const STROKES = 40
const ROOM = 'Meeting room'
const ana: Account = { name: 'Ana Bench', email: 'ana@example.com', password: 'ana-password-1' }
const bo: Account = { name: 'Bo Bench', email: 'bo@example.com', password: 'bo-password-22' }

type Clock = { __strokes: { down: number[]; seen: Record<number, number> } }

/** In Ana's page: when each pointer went down on the whiteboard's canvas. */
function stampPointerDowns() {
  const state = { down: [] as number[], seen: {} as Record<number, number> }
  Object.assign(globalThis, { __strokes: state })
  window.addEventListener('pointerdown', (e) => void ((e.target as Element).closest('.whiteboard canvas') && state.down.push(Date.now())), { capture: true })
}

/** In Bo's page: when his board first counts each number of shapes. */
function stampCounts() {
  const state = { down: [] as number[], seen: {} as Record<number, number> }
  Object.assign(globalThis, { __strokes: state })
  new MutationObserver(() => {
    const text = document.querySelector('.whiteboard-count')?.textContent ?? ''
    const n = Number.parseInt(text, 10)
    if (Number.isFinite(n) && !(n in state.seen)) state.seen[n] = Date.now()
  }).observe(document.body, { subtree: true, childList: true, characterData: true })
}

export const whiteboardStroke: Benchmark = {
  name: 'whiteboard stroke propagation',
  async run() {
    const stack = await startStack({ serveClient: true })
    const browser = await launchBrowser()
    try {
      const http = httpClient(stack.server.url)
      const owner = (await http.post<SignedIn>('/api/workspaces', { name: 'Bench', owner: ana })).body
      const invite = await http.post<{ code: string }>(`/api/workspaces/${owner.workspace.id}/invites`, { role: 'member' }, owner.session.token)
      if ((await http.post(`/api/invites/${invite.body.code}/accept`, bo)).status !== 201) throw new Error('Bo could not join')
      const boards: WhiteboardPage[] = []
      for (const account of [ana, bo]) {
        const office = new OfficePage((await openUser(browser, stack.server.url)).page)
        await office.signIn(account)
        await office.walkInto(ROOM)
        await office.stage(ROOM).getByText('Connected').waitFor()
        const board = new WhiteboardPage(office, ROOM)
        await board.open()
        boards.push(board)
      }
      const [a, b] = boards as [WhiteboardPage, WhiteboardPage]
      await a.office.page.evaluate(stampPointerDowns)
      await b.office.page.evaluate(stampCounts)

      const latencies: number[] = []
      let missed = 0
      for (let k = 1; k <= STROKES; k++) {
        await a.drawRectangle({ x: 300 + (k % 8) * 70, y: 120 + Math.floor(k / 8) * 70 }, { width: 50, height: 40 })
        try {
          await b.office.page.waitForFunction((n) => n in (globalThis as unknown as Clock).__strokes.seen, k, { timeout: 5_000 })
          const seen = await b.office.page.evaluate((n) => (globalThis as unknown as Clock).__strokes.seen[n]!, k)
          const down = await a.office.page.evaluate(() => (globalThis as unknown as Clock).__strokes.down.at(-1)!)
          latencies.push(seen - down)
        } catch {
          missed++
        }
      }
      const s = summary(latencies)
      return [
        {
          figure: 'whiteboard stroke propagation, pointer down (Ana) → shape counted on Bo’s board',
          value: `p50 ${ms(s.p50)}, p95 ${ms(s.p95)}, p99 ${ms(s.p99)} (n=${s.n}${missed ? `, ${missed} not seen in 5 s` : ''})`,
          comparison: `goal p95 ≤ 100 ms; sends at most every 30 ms while drawing; two members over the real livekit-server`,
        },
      ]
    } finally {
      await browser.close()
      await stack.stop()
    }
  },
}
