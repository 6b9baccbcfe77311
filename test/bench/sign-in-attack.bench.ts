/**
 * Sign-in under attack: the latency of a correct sign-in while 1,000 wrong passwords a minute hit
 * the same account from another address, against an idle sign-in measured first in the same run.
 * The server runs as its own process at its real password cost (scrypt N = 2^17), as `npm start`
 * runs it; the two clients send from two loopback addresses, as two machines would.
 */
import { request } from 'node:http'
import type { SignedIn } from '../../protocol/api.ts'
import { startServerProcess } from '../../scripts/lib/server-process.ts'
import { httpClient } from '../support/http.ts'
import { startLivekit } from '../support/livekit.ts'
import { tempDir } from '../support/temp.ts'
import { ms, summary, type Benchmark } from './harness.ts'

const WRONG_PER_MINUTE = 1_000
const ATTACK_SECONDS = 40
const IDLE_SIGN_INS = 20
const OWNER = '127.0.0.2'
const ATTACKER = '127.0.0.3'

/** POST /api/sessions from `localAddress`; resolves with the status once the answer is read. */
function signInFrom(url: string, localAddress: string, email: string, password: string): Promise<number> {
  const data = JSON.stringify({ email, password })
  return new Promise((resolve, reject) => {
    const headers = { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(data)) }
    const req = request(new URL('/api/sessions', url), { method: 'POST', localAddress, headers, agent: false }, (res) => {
      res.resume()
      res.on('end', () => resolve(res.statusCode!))
    })
    req.on('error', reject)
    req.end(data)
  })
}

async function timedSignIn(url: string, email: string, password: string): Promise<number> {
  const start = performance.now()
  const status = await signInFrom(url, OWNER, email, password)
  if (status !== 201) throw new Error(`the owner's sign-in answered ${status}`)
  return performance.now() - start
}

export const signInAttack: Benchmark = {
  name: 'sign-in under attack',
  async run() {
    const livekit = await startLivekit()
    const dir = tempDir('bench-sign-in-')
    // No OFFICE_TEST_PASSWORD_COST: the real cost.
    const server = await startServerProcess({
      env: { OFFICE_DATA_DIR: dir.path, OFFICE_PORT: '0', OFFICE_HOST: '127.0.0.1', OFFICE_LOG: 'silent', LIVEKIT_URL: livekit.url, LIVEKIT_API_KEY: livekit.apiKey, LIVEKIT_API_SECRET: livekit.apiSecret },
    })
    try {
      const email = 'owner@example.com'
      const password = 'owner-password'
      const created = await httpClient(server.url).post<SignedIn>('/api/workspaces', { name: 'Bench', owner: { name: 'Owner', email, password } })
      if (created.status !== 201) throw new Error(`create workspace: ${created.status}`)

      const idle: number[] = []
      for (let i = 0; i < IDLE_SIGN_INS; i++) idle.push(await timedSignIn(server.url, email, password))

      // The attack: a wrong password every 60 ms, whatever the answers, for ATTACK_SECONDS.
      const answers = new Map<number, number>()
      const pending: Promise<void>[] = []
      let attempt = 0
      const timer = setInterval(() => {
        const guess = `wrong-${attempt++}-password`
        pending.push(signInFrom(server.url, ATTACKER, email, guess).then((s) => void answers.set(s, (answers.get(s) ?? 0) + 1), () => void answers.set(0, (answers.get(0) ?? 0) + 1)))
      }, 60_000 / WRONG_PER_MINUTE)
      const attacked: number[] = []
      const until = performance.now() + ATTACK_SECONDS * 1000
      try {
        while (performance.now() < until) attacked.push(await timedSignIn(server.url, email, password))
      } finally {
        clearInterval(timer)
        await Promise.all(pending)
      }

      const a = summary(attacked)
      const i = summary(idle)
      const rate = (attempt / ATTACK_SECONDS) * 60
      const statuses = [...answers.entries()].sort(([x], [y]) => x - y).map(([s, n]) => `${n}× ${s || 'error'}`).join(', ')
      return [
        {
          figure: `sign-in under attack (${WRONG_PER_MINUTE.toLocaleString('en')} wrong passwords/min from another address, ${ATTACK_SECONDS} s)`,
          value: `p50 ${ms(a.p50)}, p95 ${ms(a.p95)} (${a.n} sign-ins)`,
          comparison:
            `${(a.p95 / i.p95).toFixed(2)}× an idle sign-in's p95 (p50 ${ms(i.p50)}, p95 ${ms(i.p95)}, ${i.n} before the attack; goal ≤ 1.5×); ` +
            `scrypt N = 2^17; the attacker sent ${attempt} (${rate.toFixed(0)}/min): ${statuses}`,
        },
      ]
    } finally {
      await server.stop()
      await livekit.stop()
      dir.remove()
    }
  },
}
