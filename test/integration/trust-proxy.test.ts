/**
 * Behind a reverse proxy (OFFICE_TRUST_PROXY), rate limits key on the client the proxy names in
 * X-Forwarded-For; without it, on the address that connected, so nobody picks their own. Checked on
 * the real server process started from the environment, as an operator starts it.
 */
import { spawn } from 'node:child_process'
import { once } from 'node:events'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { failureLimits } from '../../server/auth/rate-limit.ts'
import { startServerProcess, type ServerProcess } from '../../scripts/lib/server-process.ts'
import { root } from '../../scripts/lib/system.ts'
import { OWNER_PASSWORD, createWorkspace } from '../support/factories.ts'
import { httpClient } from '../support/http.ts'
import { startLivekit, type TestLivekit } from '../support/livekit.ts'
import { TEST_PASSWORD_COST } from '../support/server.ts'
import { tempDir } from '../support/temp.ts'

describe('OFFICE_TRUST_PROXY', () => {
  let livekit: TestLivekit
  const servers: ServerProcess[] = []
  const dirs: { remove(): void }[] = []

  beforeAll(async () => {
    livekit = await startLivekit()
  })
  afterAll(async () => {
    await Promise.all(servers.map((s) => s.stop()))
    await livekit?.stop()
    for (const d of dirs) d.remove()
  })

  const env = (trustProxy: string | null) => {
    const dir = tempDir('trust-proxy-')
    dirs.push(dir)
    return {
      OFFICE_DATA_DIR: dir.path,
      OFFICE_PORT: '0',
      OFFICE_HOST: '127.0.0.1',
      OFFICE_LOG: 'silent',
      OFFICE_TEST_PASSWORD_COST: String(TEST_PASSWORD_COST),
      LIVEKIT_URL: livekit.url,
      LIVEKIT_API_KEY: livekit.apiKey,
      LIVEKIT_API_SECRET: livekit.apiSecret,
      ...(trustProxy === null ? {} : { OFFICE_TRUST_PROXY: trustProxy }),
    }
  }
  /** Locks the attacker out of one account through the proxy, then signs in as the owner through it. */
  async function attackThroughProxy(trustProxy: string | null) {
    const server = await startServerProcess({ env: env(trustProxy) })
    servers.push(server)
    const owner = await createWorkspace(httpClient(server.url))
    const signIn = async (client: string, password: string) =>
      (await fetch(`${server.url}/api/sessions`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-forwarded-for': client }, body: JSON.stringify({ email: owner.member.email, password }) })).status
    for (let i = 0; i < failureLimits.accountAndAddress.max; i++) expect(await signIn('203.0.113.7', `wrong-${i}-password`)).toBe(401)
    return { attacker: await signIn('203.0.113.7', OWNER_PASSWORD), owner: await signIn('198.51.100.20', OWNER_PASSWORD) }
  }

  it('set to the proxy in front: the attacker is locked out, the owner behind the same proxy signs in', async () => {
    expect(await attackThroughProxy('loopback')).toEqual({ attacker: 429, owner: 201 })
  })

  it('unset: X-Forwarded-For is nobody\'s word, so everyone behind that proxy is one address', async () => {
    expect(await attackThroughProxy(null)).toEqual({ attacker: 429, owner: 429 })
  })

  it('a value that names no proxy stops the server at start with a clear message', async () => {
    const child = spawn(`${root}/node_modules/.bin/node`, ['--disable-warning=ExperimentalWarning', 'server/index.ts'], {
      cwd: root,
      env: { ...process.env, ...env('proxy.example.com') },
      // A server that starts anyway is stopped, and the test fails on its exit code.
      timeout: 30_000,
    })
    let output = ''
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()))
    const [code] = (await once(child, 'exit')) as [number]
    expect(code).toBe(2)
    expect(output).toContain('OFFICE_TRUST_PROXY: "proxy.example.com" is not an address')
  })
})
