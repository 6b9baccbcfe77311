/**
 * The desktop app's CSP follows the LiveKit URL the workspace server reports: main asks the real
 * server (GET /api/client-config), keeps the answer in a real SQLite cache, and says when the page
 * was loaded without it (the window then reloads once). A self-hosted office whose LiveKit is
 * not the launch default needs no --livekit flag.
 */
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openCache, type Cache } from '../../main/cache/open.ts'
import { getSetting, putSetting } from '../../main/cache/queries.ts'
import { cspOriginsNow, followReportedLivekit, learnReportedLivekit, readClientConfig, REPORTED_LIVEKIT_KEY } from '../../main/desktop/reported-livekit.ts'
import { buildCsp } from '../../main/policy/csp.ts'
import { freeTcpPort } from '../support/ports.ts'
import { startServer, type TestServer } from '../support/server.ts'
import { tempDir } from '../support/temp.ts'

const launch = { serverUrl: '', livekitUrl: 'ws://127.0.0.1:7880' }

describe('the LiveKit URL in the desktop CSP', () => {
  let server: TestServer
  let cache: Cache
  const dir = tempDir('reported-livekit-')
  const settings = { get: (k: string) => getSetting(cache, k), set: (k: string, v: string | null) => putSetting(cache, k, v) }

  beforeAll(async () => {
    // The server hands out tokens for a LiveKit elsewhere, as a self-hosted office behind TLS would.
    server = await startServer({ livekit: { url: 'wss://lk.example.com', apiKey: 'devkey', apiSecret: 'a-secret-of-at-least-32-characters!' } })
    launch.serverUrl = server.url
    cache = openCache(join(dir.path, 'cache.db'))
  })
  afterAll(async () => {
    cache?.close()
    await server?.stop()
    dir.remove()
  })

  it('learns the reported LiveKit, keeps it, and says the loaded page lacked it; the next start has it', async () => {
    const first = cspOriginsNow(launch, settings)
    expect(buildCsp(first)).not.toContain('wss://lk.example.com')
    expect(await learnReportedLivekit({ serverUrl: server.url, settings, fetch, loadedWith: first })).toEqual({ kind: 'changed', livekitUrl: 'wss://lk.example.com' })

    // What the CSP allows now, and at the next start (the cache file reopened).
    cache.close()
    cache = openCache(join(dir.path, 'cache.db'))
    const next = cspOriginsNow(launch, settings)
    expect(buildCsp(next)).toContain(`connect-src 'self' ${server.url} http://127.0.0.1:7880 ws://127.0.0.1:7880 https://lk.example.com wss://lk.example.com;`)
    // Asked again with that page: nothing to reload.
    expect(await learnReportedLivekit({ serverUrl: server.url, settings, fetch, loadedWith: next })).toEqual({ kind: 'same' })
  })

  it('keeps what it had when the server does not answer, and says why', async () => {
    putSetting(cache, REPORTED_LIVEKIT_KEY, 'wss://lk.example.com')
    const learned = await learnReportedLivekit({ serverUrl: 'http://127.0.0.1:9', settings, fetch, loadedWith: cspOriginsNow(launch, settings) })
    expect(learned).toMatchObject({ kind: 'refused', reason: expect.stringContaining('did not answer /api/client-config') })
    expect(getSetting(cache, REPORTED_LIVEKIT_KEY)).toBe('wss://lk.example.com')
  })

  it('refuses an answer that is not a ws(s)/http(s) URL, or that would write its own directive', () => {
    expect(readClientConfig({ livekitUrl: 'javascript:alert(1)' })).toEqual({ reason: expect.stringContaining('the LiveKit URL the server reports must be a ws/wss/http/https URL') })
    expect(readClientConfig({ livekitUrl: "wss://x; script-src 'unsafe-eval'" })).toEqual({ reason: expect.stringContaining('must be a ws/wss/http/https URL') })
    expect(readClientConfig({ livekitUrl: 'wss://user:pw@lk.example.com' })).toEqual({ reason: expect.stringContaining('must be a ws/wss/http/https URL') })
    expect(readClientConfig({ url: 'wss://lk.example.com' })).toEqual({ reason: 'the server answered /api/client-config without a livekitUrl string' })
    expect(readClientConfig({ livekitUrl: `wss://${'a'.repeat(3000)}.example` })).toEqual({ reason: 'the server answered /api/client-config without a livekitUrl string' })
  })

  it('asks again until a server that was down at start answers, then tells the window to reload', async () => {
    putSetting(cache, REPORTED_LIVEKIT_KEY, null)
    const port = await freeTcpPort()
    const serverUrl = `http://127.0.0.1:${port}`
    const reasons: string[] = []
    let tellRefused = (): void => {}
    const refusedOnce = new Promise<void>((resolve) => (tellRefused = resolve))
    let changed: (url: string) => void = () => {}
    const reloaded = new Promise<string>((resolve) => (changed = resolve))
    const stop = followReportedLivekit({
      serverUrl,
      settings,
      fetch,
      loadedWith: () => cspOriginsNow({ ...launch, serverUrl }, settings),
      changed: (url) => changed(url),
      refused: (reason) => {
        reasons.push(reason)
        tellRefused()
      },
      retryMs: 50,
    })
    let late: TestServer | null = null
    try {
      await refusedOnce
      late = await startServer({ port, livekit: { url: 'wss://lk2.example.com', apiKey: 'devkey', apiSecret: 'a-secret-of-at-least-32-characters!' } })
      expect(await reloaded).toBe('wss://lk2.example.com')
      expect(reasons[0]).toContain('did not answer /api/client-config')
      expect(getSetting(cache, REPORTED_LIVEKIT_KEY)).toBe('wss://lk2.example.com')
    } finally {
      stop()
      await late?.stop()
    }
  })
})
