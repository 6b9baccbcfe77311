/**
 * Sign-in abuse on the real server and livekit-server, with requests from several loopback
 * addresses as from several machines: lockouts count failures only, per account and address, so
 * the right password from elsewhere still works while someone attacks an account; spraying and
 * many machines are locked out too; every route that checks a password is under the same
 * lockouts; creating workspaces is limited per address.
 */
import { request } from 'node:http'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { SignedIn } from '../../protocol/api.ts'
import { errorCodes } from '../../protocol/errors.ts'
import { WORKSPACES_PER_ADDRESS, failureLimits } from '../../server/auth/rate-limit.ts'
import { OWNER_PASSWORD, createWorkspace, inviteCode, newPerson } from '../support/factories.ts'
import { httpClient, type HttpClient } from '../support/http.ts'
import { startStack, type Stack } from '../support/stack.ts'

type Answer = { status: number; body: Record<string, unknown>; retryAfter: string | null }

let stack: Stack
let http: HttpClient
let owner: SignedIn

/** A JSON request from `localAddress` (127.x.y.z), as another machine would send it. */
function from(localAddress: string, method: string, path: string, body?: unknown, token?: string): Promise<Answer> {
  const data = body === undefined ? '' : JSON.stringify(body)
  const headers = { ...(data ? { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(data)) } : {}), ...(token ? { authorization: `Bearer ${token}` } : {}) }
  return new Promise((resolve, reject) => {
    const req = request(new URL(path, stack.server.url), { method, localAddress, headers }, (res) => {
      let text = ''
      res.setEncoding('utf8')
      res.on('data', (chunk: string) => (text += chunk))
      res.on('end', () => resolve({ status: res.statusCode!, body: text ? (JSON.parse(text) as Record<string, unknown>) : {}, retryAfter: (res.headers['retry-after'] as string | undefined) ?? null }))
    })
    req.on('error', reject)
    req.end(data)
  })
}
/** An account of its own (its own workspace's owner), hashed at the test server's cost. */
const someone = () => createWorkspace(http, 'Target')
const signIn = (address: string, who: SignedIn, password: string) => from(address, 'POST', '/api/sessions', { email: who.member.email, password })
const statuses = (answers: Answer[]) => answers.map((a) => a.status)
const times = <T>(n: number, f: (i: number) => Promise<T>) => Promise.all(Array.from({ length: n }, (_, i) => f(i)))
/** One after another, as a script guessing passwords would. */
async function inTurn<T>(n: number, f: (i: number) => Promise<T>): Promise<T[]> {
  const out: T[] = []
  for (let i = 0; i < n; i++) out.push(await f(i))
  return out
}
const expectLocked = (a: Answer) => {
  expect(a.status, JSON.stringify(a.body)).toBe(429)
  expect(a.body).toMatchObject({ error: errorCodes.rateLimited, message: expect.stringMatching(/too many/) })
  expect(Number(a.retryAfter)).toBeGreaterThan(0)
}

describe('sign-in abuse', () => {
  beforeAll(async () => {
    stack = await startStack()
    http = httpClient(stack.server.url)
    owner = await createWorkspace(http, 'Guarded')
  })
  afterAll(async () => {
    await stack?.stop()
  })

  it('counts failures only: 30 right passwords in a row from one address are never held back', async () => {
    const victim = await someone()
    expect(statuses(await inTurn(30, () => signIn('127.0.10.1', victim, OWNER_PASSWORD)))).toEqual(Array(30).fill(201))
  })

  it('locks one address out of an account after its failures, the right password included, while the right password from another address still works', async () => {
    const victim = await someone()
    const max = failureLimits.accountAndAddress.max
    expect(statuses(await inTurn(max, (i) => signIn('127.0.11.1', victim, `wrong-${i}-password`)))).toEqual(Array(max).fill(401))
    expectLocked(await signIn('127.0.11.1', victim, OWNER_PASSWORD))
    // The owner, elsewhere, signs in as usual; and keeps being able to while the attack goes on.
    expect((await signIn('127.0.11.2', victim, OWNER_PASSWORD)).status).toBe(201)
    for (const a of await times(20, (i) => signIn('127.0.11.1', victim, `wrong-${i}-again`))) expectLocked(a)
    expect((await signIn('127.0.11.2', victim, OWNER_PASSWORD)).status).toBe(201)
    // The attacking address may still sign in to other accounts.
    const bystander = await someone()
    expect((await signIn('127.0.11.1', bystander, OWNER_PASSWORD)).status).toBe(201)
  })

  it('holds back a burst sent all at once as it holds back one guess at a time', async () => {
    const victim = await someone()
    const burst = await times(40, (i) => signIn('127.0.12.1', victim, `burst-${i}-password`))
    // Checks still running count: no more than the limit get as far as a password check.
    expect(statuses(burst).filter((s) => s === 401)).toHaveLength(failureLimits.accountAndAddress.max)
    expect(statuses(burst).filter((s) => s === 429)).toHaveLength(40 - failureLimits.accountAndAddress.max)
    expect((await signIn('127.0.12.2', victim, OWNER_PASSWORD)).status).toBe(201)
  })

  it('locks an address out of every account after failures across many accounts (spraying); other addresses are unaffected', async () => {
    const max = failureLimits.address.max
    const guesses = await inTurn(max, (i) => from('127.0.13.1', 'POST', '/api/sessions', { email: `sprayed-${i}@example.com`, password: 'summer-2024-password' }))
    expect(statuses(guesses)).toEqual(Array(max).fill(401))
    const victim = await someone()
    expectLocked(await signIn('127.0.13.1', victim, OWNER_PASSWORD))
    expect((await signIn('127.0.13.2', victim, OWNER_PASSWORD)).status).toBe(201)
  })

  it('past many failures on one account from many addresses, each of them is locked out of it; an address without a failure still signs in', async () => {
    const victim = await someone()
    const max = failureLimits.account.max
    const machine = (i: number) => `127.0.${14 + Math.floor(i / 200)}.${(i % 200) + 1}`
    expect(statuses(await times(max, (i) => signIn(machine(i), victim, `botnet-${i}-password`)))).toEqual(Array(max).fill(401))
    expectLocked(await signIn(machine(7), victim, OWNER_PASSWORD))
    expect((await signIn('127.0.16.1', victim, OWNER_PASSWORD)).status).toBe(201)
  })

  it('puts every route that checks a password under the same lockouts: workspace creation, invites, a password change', async () => {
    const victim = await someone()
    const code = await inviteCode(http, owner)
    const address = '127.0.17.1'
    const tries = {
      workspace: (password: string) => from(address, 'POST', '/api/workspaces', { name: 'Mine now', owner: { name: 'Mallory', email: victim.member.email, password } }),
      invite: (password: string) => from(address, 'POST', `/api/invites/${code}/accept`, { name: 'Mallory', email: victim.member.email, password }),
      change: (password: string) => from(address, 'PATCH', '/api/me', { password: 'new-password-1', currentPassword: password }, victim.session.token),
      signIn: (password: string) => signIn(address, victim, password),
    }
    for (let i = 0; i < 2; i++) {
      const guess = `guess-${i}-password`
      expect(statuses([await tries.workspace(guess), await tries.invite(guess), await tries.change(guess), await tries.signIn(guess)])).toEqual([409, 409, 400, 401])
    }
    expect(statuses(await inTurn(2, (i) => tries.signIn(`more-${i}-password`)))).toEqual([401, 401])
    for (const t of Object.values(tries)) expectLocked(await t(OWNER_PASSWORD))
    expect((await signIn('127.0.17.2', victim, OWNER_PASSWORD)).status).toBe(201)
  })

  it(`limits workspace creation to ${WORKSPACES_PER_ADDRESS.max} an hour per address, every attempt counted; another address still creates one`, async () => {
    const create = (address: string) => from(address, 'POST', '/api/workspaces', { name: 'Spam', owner: newPerson('spammer') })
    expect(statuses(await inTurn(WORKSPACES_PER_ADDRESS.max, () => create('127.0.18.1')))).toEqual(Array(WORKSPACES_PER_ADDRESS.max).fill(201))
    const refused = await create('127.0.18.1')
    expectLocked(refused)
    expect(refused.body.message).toMatch(/workspaces/)
    expect((await create('127.0.18.2')).status).toBe(201)
  })
})
