/**
 * The browser client is served with a CSP limited to this origin and the LiveKit server, and may
 * not be framed: the real app on a real SQLite file, driven with inject.
 */
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { FastifyInstance } from 'fastify'
import { afterEach, describe, expect, it } from 'vitest'
import { buildApp } from '../../../server/app.ts'
import { buildClientCsp } from '../../../server/http/security-headers.ts'
import { openSqliteStore } from '../../../server/store/sqlite/sqlite-store.ts'
import { tempDir } from '../../support/temp.ts'

const cleanups: (() => Promise<void> | void)[] = []
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c()
})

async function appServing(livekitUrl = 'wss://lk.example.com'): Promise<FastifyInstance> {
  const dir = tempDir('client-headers-')
  cleanups.push(dir.remove)
  const client = join(dir.path, 'client')
  mkdirSync(join(client, 'assets'), { recursive: true })
  writeFileSync(join(client, 'index.html'), '<!doctype html><title>Virtual Office</title>')
  writeFileSync(join(client, 'assets', 'index-abc.js'), 'console.log(1)')
  const app = await buildApp({ store: openSqliteStore(join(dir.path, 'office.db')), livekit: { url: livekitUrl, apiKey: 'k', apiSecret: 's' }, clientDir: client })
  cleanups.push(() => app.close())
  return app
}

const directive = (csp: string, name: string): string[] | undefined =>
  csp
    .split(';')
    .map((d) => d.trim().split(/\s+/))
    .find(([n]) => n === name)
    ?.slice(1)

describe('the served browser client', () => {
  it.each(['/', '/index.html', '/assets/index-abc.js'])('%s carries the CSP, no framing, nosniff and no referrer', async (url) => {
    const res = await (await appServing()).inject({ method: 'GET', url })
    expect(res.statusCode).toBe(200)
    const csp = String(res.headers['content-security-policy'])
    expect(directive(csp, 'script-src')).toEqual(["'self'"])
    expect(directive(csp, 'frame-ancestors')).toEqual(["'none'"])
    expect(directive(csp, 'connect-src')).toEqual(["'self'", 'https://lk.example.com', 'wss://lk.example.com'])
    expect(res.headers['x-frame-options']).toBe('DENY')
    expect(res.headers['x-content-type-options']).toBe('nosniff')
    expect(res.headers['referrer-policy']).toBe('no-referrer')
  })

  it('keeps the headers on a revalidated index.html (304)', async () => {
    const app = await appServing()
    const first = await app.inject({ method: 'GET', url: '/' })
    const again = await app.inject({ method: 'GET', url: '/', headers: { 'if-none-match': String(first.headers.etag) } })
    expect(again.statusCode).toBe(304)
    expect(again.headers['content-security-policy']).toContain("frame-ancestors 'none'")
    expect(again.headers['x-frame-options']).toBe('DENY')
  })

  it('refuses to start with a LiveKit URL that could widen the policy', async () => {
    await expect(appServing("wss://lk.example.com; script-src 'unsafe-eval'")).rejects.toThrow(/LiveKit URL/)
  })
})

describe('buildClientCsp', () => {
  const csp = buildClientCsp({ livekitUrls: ['ws://127.0.0.1:7880'] })
  it('connects only to this origin and the plain-http LiveKit of a dev stack', () =>
    expect(directive(csp, 'connect-src')).toEqual(["'self'", 'http://127.0.0.1:7880', 'ws://127.0.0.1:7880']))
  it('forbids plugins, <base> rewrites and form posts', () => {
    expect(directive(csp, 'object-src')).toEqual(["'none'"])
    expect(directive(csp, 'base-uri')).toEqual(["'none'"])
    expect(directive(csp, 'form-action')).toEqual(["'none'"])
  })
  it('allows camera streams and blobs as media, data and blob images', () => {
    expect(directive(csp, 'media-src')).toEqual(["'self'", 'blob:', 'mediastream:'])
    expect(directive(csp, 'img-src')).toEqual(["'self'", 'data:', 'blob:'])
  })
  it('never allows a wildcard or a scheme-wide source', () => expect(csp).not.toMatch(/(^|\s)(\*|https?:|wss?:)(\s|;|$)/))
  it.each(['file:///etc/passwd', 'wss://user:pw@lk.example.com', 'not a url'])('rejects %s', (url) =>
    expect(() => buildClientCsp({ livekitUrls: [url] })).toThrow(/LiveKit URL/))
})
