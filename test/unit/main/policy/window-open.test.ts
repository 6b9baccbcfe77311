import { describe, expect, it } from 'vitest'
import { decideWindowOpen, isSafeExternalUrl } from '../../../../main/policy/window-open.ts'

describe('decideWindowOpen', () => {
  it.each(['https://livekit.io/', 'http://example.com/', 'app://bundle/index.html', 'file:///etc/passwd', 'nonsense'])(
    'denies a new window for %s',
    (url) => expect(decideWindowOpen(url).action).toBe('deny'),
  )
  it('opens a plain https link externally', () =>
    expect(decideWindowOpen('https://livekit.io/docs').openExternally).toBe('https://livekit.io/docs'))
  it('drops an http link', () => expect(decideWindowOpen('http://example.com/').openExternally).toBeNull())
})

describe('isSafeExternalUrl', () => {
  it('allows https', () => expect(isSafeExternalUrl('https://example.com/a?b#c')).toBe(true))
  it('refuses https with credentials', () => expect(isSafeExternalUrl('https://user:pw@example.com/')).toBe(false))
  it('refuses https with a user name only', () => expect(isSafeExternalUrl('https://user@example.com/')).toBe(false))
  it('refuses file:', () => expect(isSafeExternalUrl('file:///C:/Windows/calc.exe')).toBe(false))
  it('refuses smb:', () => expect(isSafeExternalUrl('smb://host/share')).toBe(false))
  it('refuses ms- schemes', () => expect(isSafeExternalUrl('ms-msdt:/id PCWDiagnostic')).toBe(false))
  it('refuses javascript:', () => expect(isSafeExternalUrl('javascript:alert(1)')).toBe(false))
  it('refuses our own scheme', () => expect(isSafeExternalUrl('vo://join/abc')).toBe(false))
  it('refuses garbage', () => expect(isSafeExternalUrl('::::')).toBe(false))
})
