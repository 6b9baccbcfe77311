import { describe, expect, it } from 'vitest'
import { buildCsp } from '../../../../main/policy/csp.ts'

const csp = buildCsp({ serverUrl: 'https://office.example.com/api', livekitUrls: ['wss://lk.example.com'] })
const directive = (name: string): string[] | undefined =>
  csp
    .split(';')
    .map((d) => d.trim().split(/\s+/))
    .find(([n]) => n === name)
    ?.slice(1)

describe('buildCsp', () => {
  it("defaults to 'self'", () => expect(directive('default-src')).toEqual(["'self'"]))
  it("allows scripts only from 'self' (no eval, no inline)", () => expect(directive('script-src')).toEqual(["'self'"]))
  it('forbids plugins', () => expect(directive('object-src')).toEqual(["'none'"]))
  it('forbids <base> rewrites', () => expect(directive('base-uri')).toEqual(["'none'"]))
  it('connects only to self, the server origin and the LiveKit origin', () =>
    expect(directive('connect-src')).toEqual(["'self'", 'https://office.example.com', 'https://lk.example.com', 'wss://lk.example.com']))
  it('allows camera streams and blobs as media', () => expect(directive('media-src')).toEqual(["'self'", 'blob:', 'mediastream:']))
  it('allows data and blob images', () => expect(directive('img-src')).toEqual(["'self'", 'data:', 'blob:']))
  it('allows inline styles for React style attributes', () => expect(directive('style-src')).toEqual(["'self'", "'unsafe-inline'"]))
  it('uses ws: for a plain-http dev LiveKit', () =>
    expect(buildCsp({ serverUrl: 'http://127.0.0.1:8080', livekitUrls: ['ws://127.0.0.1:7880'] })).toContain(
      "connect-src 'self' http://127.0.0.1:8080 http://127.0.0.1:7880 ws://127.0.0.1:7880;",
    ))
  it('allows both the launch LiveKit and the one the server reports, once each', () =>
    expect(buildCsp({ serverUrl: 'https://office.example.com', livekitUrls: ['ws://127.0.0.1:7880', 'wss://lk.example.com', 'wss://lk.example.com/rtc'] })).toContain(
      "connect-src 'self' https://office.example.com http://127.0.0.1:7880 ws://127.0.0.1:7880 https://lk.example.com wss://lk.example.com;",
    ))
  it('rejects a server URL that is not http(s)', () =>
    expect(() => buildCsp({ serverUrl: 'file:///etc', livekitUrls: ['wss://lk.example.com'] })).toThrow(/server URL/))
  it('rejects a LiveKit URL that could inject a directive', () =>
    expect(() => buildCsp({ serverUrl: 'https://a.example', livekitUrls: ["wss://x; script-src 'unsafe-eval'"] })).toThrow(/LiveKit URL/))
  it('rejects a URL with credentials', () =>
    expect(() => buildCsp({ serverUrl: 'https://u:p@a.example', livekitUrls: ['wss://lk.example.com'] })).toThrow(/server URL/))
})
