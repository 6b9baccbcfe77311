/**
 * Runs the built preload in a page as Electron's sandbox would: as a CommonJS function whose
 * `require` knows only 'electron', with stand-ins for the two objects it uses.
 * - contextBridge.exposeInMainWorld defines a frozen, read-only global (what the page sees).
 * - ipcRenderer.invoke calls the `__officeInvoke` binding, which runs main's wire and handlers in
 *   Node with the calling frame's URL; `__hostCalls` lists each round trip with its times.
 * - ipcRenderer.on listeners get an event object first, carrying `sender` as Electron's does:
 *   a preload that leaked it to the page would hand out ipcRenderer, and the tests would see it.
 * `__officeEmit(event, ...args)` is the stand-in for main's `webContents.send`.
 * The differences from Electron: one world instead of an isolated one, and JSON instead of
 * structured clone (the contract's payloads are JSON only).
 */
function shim(): (id: string) => unknown {
  type Listener = (event: unknown, ...args: unknown[]) => void
  const w = globalThis as unknown as Record<string, unknown>
  const listeners = new Map<string, Set<Listener>>()
  // Every round trip with its page-clock times, for the start benchmark (test/bench/cold-start.bench.ts).
  const calls: { channel: string; start: number; end: number }[] = []
  Object.defineProperty(w, '__hostCalls', { value: calls })
  const ipcRenderer = {
    async invoke(channel: string, ...args: unknown[]) {
      const start = performance.now()
      try {
        return await (w.__officeInvoke as (...a: unknown[]) => Promise<unknown>)(channel, ...args)
      } finally {
        calls.push({ channel, start, end: performance.now() })
      }
    },
    on(channel: string, listener: Listener) {
      listeners.set(channel, (listeners.get(channel) ?? new Set()).add(listener))
      return ipcRenderer
    },
    removeListener(channel: string, listener: Listener) {
      listeners.get(channel)?.delete(listener)
      return ipcRenderer
    },
  }
  const contextBridge = {
    exposeInMainWorld(name: string, api: object) {
      Object.defineProperty(w, name, { value: Object.freeze(api), enumerable: true, writable: false, configurable: false })
    },
  }
  Object.defineProperty(w, '__officeEmit', {
    value: (channel: string, ...args: unknown[]) => listeners.get(channel)?.forEach((l) => l({ sender: ipcRenderer }, ...args)),
  })
  return (id: string) => {
    if (id === 'electron') return { contextBridge, ipcRenderer }
    throw new Error(`a sandboxed preload cannot require ${JSON.stringify(id)}`)
  }
}

/** The init script: the shim, then the preload's own source in a CommonJS wrapper. */
export function preloadScript(preloadSource: string): string {
  return `(() => {
const require = (${shim.toString()})();
const module = { exports: {} };
(function (require, module, exports) {
${preloadSource}
})(require, module, module.exports);
})();`
}
