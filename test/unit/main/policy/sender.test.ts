import { describe, expect, it } from 'vitest'
import { isTrustedSender } from '../../../../main/policy/sender.ts'

describe('isTrustedSender', () => {
  it('trusts the app bundle', () => expect(isTrustedSender('app://bundle/index.html')).toBe(true))
  it('refuses a null frame', () => expect(isTrustedSender(null)).toBe(false))
  it('refuses an undefined frame URL', () => expect(isTrustedSender(undefined)).toBe(false))
  it('refuses an empty URL', () => expect(isTrustedSender('')).toBe(false))
  it('refuses another origin', () => expect(isTrustedSender('https://evil.example/')).toBe(false))
  it('refuses a look-alike app host', () => expect(isTrustedSender('app://bundle.evil/')).toBe(false))
  it('refuses about:blank', () => expect(isTrustedSender('about:blank')).toBe(false))
  it('refuses file:', () => expect(isTrustedSender('file:///app/out/renderer/index.html')).toBe(false))
  it('refuses the dev server in a packaged build', () => expect(isTrustedSender('http://localhost:5173/')).toBe(false))
  it('trusts any page of the dev origin in dev', () =>
    expect(isTrustedSender('http://localhost:5173/floor', { devUrl: 'http://localhost:5173/' })).toBe(true))
  it('refuses userinfo tricks on the dev origin', () =>
    expect(isTrustedSender('http://localhost:5173@evil.example/', { devUrl: 'http://localhost:5173/' })).toBe(false))
})
