/**
 * The one place the renderer's webPreferences are written (Electron security checklist items
 * 2-4, 6, 8-12). Values that equal Electron's defaults are still spelled out so a test pins them
 * and a future default change cannot loosen them silently.
 */

/** The subset of Electron's WebPreferences we set; structurally assignable to it. */
export interface SecureWebPreferences {
  preload: string
  contextIsolation: true
  sandbox: true
  nodeIntegration: false
  nodeIntegrationInWorker: false
  nodeIntegrationInSubFrames: false
  webSecurity: true
  allowRunningInsecureContent: false
  experimentalFeatures: false
  webviewTag: false
  navigateOnDragDrop: false
  spellcheck: boolean
  /** Presence and media keep running while the window is hidden behind others all day. */
  backgroundThrottling: false
  devTools: boolean
}

export interface WebPreferencesOptions {
  /** `--debug` or a dev build: allow DevTools. */
  debug?: boolean
}

export function secureWebPreferences(preloadPath: string, opts: WebPreferencesOptions = {}): SecureWebPreferences {
  return {
    preload: preloadPath,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    experimentalFeatures: false,
    webviewTag: false,
    navigateOnDragDrop: false,
    spellcheck: true,
    backgroundThrottling: false,
    devTools: opts.debug === true,
  }
}
