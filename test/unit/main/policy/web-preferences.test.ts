import { describe, expect, it } from 'vitest'
import { secureWebPreferences } from '../../../../main/policy/web-preferences.ts'

const prefs = secureWebPreferences('/app/out/preload/index.cjs')

describe('secureWebPreferences', () => {
  it('uses the given preload', () => expect(prefs.preload).toBe('/app/out/preload/index.cjs'))
  it('isolates the context (checklist 3)', () => expect(prefs.contextIsolation).toBe(true))
  it('sandboxes the renderer (checklist 4)', () => expect(prefs.sandbox).toBe(true))
  it('disables Node integration (checklist 2)', () => expect(prefs.nodeIntegration).toBe(false))
  it('disables Node integration in workers', () => expect(prefs.nodeIntegrationInWorker).toBe(false))
  it('disables Node integration in subframes', () => expect(prefs.nodeIntegrationInSubFrames).toBe(false))
  it('keeps web security on (checklist 6)', () => expect(prefs.webSecurity).toBe(true))
  it('refuses insecure content (checklist 8)', () => expect(prefs.allowRunningInsecureContent).toBe(false))
  it('disables experimental features (checklist 9)', () => expect(prefs.experimentalFeatures).toBe(false))
  it('enables no Blink features (checklist 10)', () => expect('enableBlinkFeatures' in prefs).toBe(false))
  it('disables <webview> (checklist 11)', () => expect(prefs.webviewTag).toBe(false))
  it('does not navigate on a dropped file', () => expect(prefs.navigateOnDragDrop).toBe(false))
  it('keeps timers running in the background', () => expect(prefs.backgroundThrottling).toBe(false))
  it('disables DevTools by default', () => expect(prefs.devTools).toBe(false))
  it('enables DevTools with the debug flag', () => expect(secureWebPreferences('/p', { debug: true }).devTools).toBe(true))
})
