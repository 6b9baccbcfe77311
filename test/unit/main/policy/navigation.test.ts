import { describe, expect, it } from 'vitest'
import { isAllowedNavigation } from '../../../../main/policy/navigation.ts'

const dev = { devUrl: 'http://localhost:5173/' }

describe('isAllowedNavigation', () => {
  it('allows the app bundle', () => expect(isAllowedNavigation('app://bundle/index.html')).toBe(true))
  it('allows another page of the bundle', () => expect(isAllowedNavigation('app://bundle/editor.html#x')).toBe(true))
  it('refuses a look-alike host', () => expect(isAllowedNavigation('app://bundle.evil/index.html')).toBe(false))
  it('refuses credentials smuggled before the host', () => expect(isAllowedNavigation('app://bundle@evil/index.html')).toBe(false))
  it('refuses an https site', () => expect(isAllowedNavigation('https://app.example.com.attacker.com/')).toBe(false))
  it('refuses javascript:', () => expect(isAllowedNavigation('javascript:alert(1)')).toBe(false))
  it('refuses file:', () => expect(isAllowedNavigation('file:///etc/passwd')).toBe(false))
  it('refuses data:', () => expect(isAllowedNavigation('data:text/html,hi')).toBe(false))
  it('refuses a non-URL', () => expect(isAllowedNavigation('not a url')).toBe(false))
  it('refuses localhost in a packaged build', () => expect(isAllowedNavigation('http://localhost:5173/')).toBe(false))
  it('allows the exact dev URL in dev', () => expect(isAllowedNavigation('http://localhost:5173/', dev)).toBe(true))
  it('allows the dev URL with another hash', () => expect(isAllowedNavigation('http://localhost:5173/#/floor', dev)).toBe(true))
  it('refuses another page on the dev origin', () => expect(isAllowedNavigation('http://localhost:5173/other', dev)).toBe(false))
  it('refuses another port in dev', () => expect(isAllowedNavigation('http://localhost:5174/', dev)).toBe(false))
})
