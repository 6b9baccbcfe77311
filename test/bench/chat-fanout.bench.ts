/**
 * Chat fan-out (issue 12; goal p95 ≤ 150 ms): a message to a channel of 500 members, from the
 * poster's HTTP POST until it shows in a Chromium member's DOM (the real app from the real server,
 * the Chat region open on that channel). The 500 members join the channel through the API, so the
 * server works out all of them as readers for every message and hands LiveKit the list; the
 * Chromium member is the one online. Same-run comparison: the POST's own round trip (the server's
 * insert and answer), which the delivery cannot beat.
 */
import type { SignedIn } from '../../protocol/api.ts'
import type { Conversation, Message } from '../../protocol/chat.ts'
import { ChatPage } from '../e2e/pages/chat-page.ts'
import { OfficePage, type Account } from '../e2e/pages/office-page.ts'
import { launchBrowser, openUser } from '../support/browser.ts'
import { httpClient, type HttpClient } from '../support/http.ts'
import { startStack } from '../support/stack.ts'
import { ms, summary, type Benchmark } from './harness.ts'
import { addMembers, type BenchMember } from './members.ts'
import { seeded } from './pages/seeded.ts'

const MEMBERS = 500
const MESSAGES = 60
const GOAL_MS = 150
const CHANNEL = 'fanout'
const poster: Account = { name: 'Bench Host', email: 'host@example.com', password: 'host-password' }
const reader: Account = { name: 'Bench Reader', email: 'reader@example.com', password: 'reader-password' }

/** Stamps Date.now() when a message's text first shows in the DOM; runs in the page. */
function watchForMessages() {
  const state = { seen: {} as Record<string, number> }
  Object.assign(globalThis, { __fanout: state })
  const token = /fanout-probe-(\d+)/g
  new MutationObserver((records) => {
    const now = Date.now()
    for (const r of records) {
      for (const n of r.type === 'childList' ? [...r.addedNodes] : [r.target]) {
        for (const m of (n.textContent ?? '').matchAll(token)) state.seen[m[1]!] ??= now
      }
    }
  }).observe(document.body, { subtree: true, childList: true, characterData: true })
}
type FanoutState = { __fanout: { seen: Record<string, number> } }

/** Each member joins the channel themself (a public channel: POST …/members with their own id). */
async function joinAll(http: HttpClient, ws: string, channel: string, members: readonly BenchMember[], concurrency = 8) {
  let next = 0
  const worker = async () => {
    while (next < members.length) {
      const m = members[next++]!
      const res = await http.post(`/api/workspaces/${ws}/chat/conversations/${channel}/members`, { members: [m.id] }, m.token)
      if (res.status !== 200) throw new Error(`join: ${res.status} ${JSON.stringify(res.body)}`)
    }
  }
  await Promise.all(Array.from({ length: concurrency }, worker))
}

export const chatFanout: Benchmark = {
  name: 'chat fan-out',
  async run() {
    const stack = await startStack({ serveClient: true })
    const browser = await launchBrowser()
    try {
      const http = httpClient(stack.server.url)
      const created = await http.post<SignedIn>('/api/workspaces', { name: 'Bench', owner: poster })
      if (created.status !== 201) throw new Error(`create workspace: ${created.status}`)
      const owner = created.body
      const ws = owner.workspace.id
      const invite = await http.post<{ code: string }>(`/api/workspaces/${ws}/invites`, { role: 'member' }, owner.session.token)
      const member = await http.post<SignedIn>(`/api/invites/${invite.body.code}/accept`, reader)
      if (member.status !== 201) throw new Error('the Chromium member could not join')
      const channel = await http.post<Conversation>(`/api/workspaces/${ws}/chat/channels`, { name: CHANNEL }, owner.session.token)
      if (channel.status !== 201) throw new Error(`create channel: ${channel.status} ${JSON.stringify(channel.body)}`)
      console.log(`  adding ${MEMBERS} members and joining them to #${CHANNEL} through the API…`)
      const sims = await addMembers(http, owner, MEMBERS)
      await joinAll(http, ws, channel.body.id, [...sims, { id: member.body.member.id, name: reader.name, token: member.body.session.token }])

      const user = await openUser(browser, stack.server.url)
      await new OfficePage(user.page).signIn(reader)
      const chat = new ChatPage(user.page)
      await chat.show()
      await chat.open(`#${CHANNEL}`)
      await user.page.evaluate(watchForMessages)

      const random = seeded(41)
      const latencies: number[] = []
      const posts: number[] = []
      let missed = 0
      for (let i = 0; i < MESSAGES + 5; i++) {
        const sentAt = Date.now()
        const res = await http.post<Message>(`/api/workspaces/${ws}/chat/conversations/${channel.body.id}/messages`, { clientId: `fanout-bench-${i}-x`, body: `fanout-probe-${i} standup notes` }, owner.session.token)
        const answered = Date.now()
        if (res.status !== 201) throw new Error(`post: ${res.status} ${JSON.stringify(res.body)}`)
        const shown = await user.page
          .waitForFunction((id) => (globalThis as unknown as FanoutState).__fanout.seen[id] ?? false, String(i), { timeout: 5_000, polling: 'raf' })
          .then((h) => h.jsonValue() as Promise<number>)
          .catch(() => null)
        // The first few warm up the page's code paths and the server's statements.
        if (i >= 5) {
          if (shown === null) missed++
          else latencies.push(shown - sentAt)
          posts.push(answered - sentAt)
        }
        // Well within the per-member rate (MESSAGE_RATE: 30 per 10 s), as a person types.
        await new Promise((r) => setTimeout(r, 350 + random() * 300))
      }
      const s = summary(latencies)
      const p = summary(posts)
      console.log(`  fan-out p50 ${ms(s.p50)}, p95 ${ms(s.p95)}, p99 ${ms(s.p99)} (n=${s.n}, missed ${missed}); POST p50 ${ms(p.p50)}, p95 ${ms(p.p95)}`)
      return [
        {
          figure: `chat fan-out: message to a ${MEMBERS}-member channel → Chromium DOM`,
          value: `p95 ${ms(s.p95)}`,
          comparison: `p50 ${ms(s.p50)}, p99 ${ms(s.p99)}, n=${s.n}${missed ? `, ${missed} missed` : ''}; goal p95 ≤ ${GOAL_MS} ms ${s.p95 <= GOAL_MS && missed === 0 ? 'met' : 'NOT met'}; the POST alone p50 ${ms(p.p50)}, p95 ${ms(p.p95)}`,
        },
      ]
    } finally {
      await browser.close()
      await stack.stop()
    }
  },
}
