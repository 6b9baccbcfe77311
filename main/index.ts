/**
 * Electron main entry: builds the services (cache, credentials, IPC handlers) and hands them to
 * electron/app.ts. Paths are relative to the built file, out/main/index.js.
 */
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { openCache } from './cache/open.ts'
import { cacheKv } from './cache/queries.ts'
import { createSecretStore } from './credentials/secret-store.ts'
import { startApp } from './electron/app.ts'
import { createIpcHandlers } from './ipc/handlers.ts'

startApp({
  rendererRoot: fileURLToPath(new URL('../renderer', import.meta.url)),
  preloadPath: fileURLToPath(new URL('../preload/index.cjs', import.meta.url)),
  createServices: ({ launch, userDataDir, protection, version, notifier, systemTheme }) => {
    const cache = openCache(join(userDataDir, 'cache.db'), {
      onRecovered: ({ movedTo, reason }) => console.warn(`cache was unreadable (${reason}); moved to ${movedTo} and rebuilt`),
      onUnavailable: (reason) => console.warn(`cache file cannot be used (${reason}); the office is kept in memory for this run`),
    })
    const secrets = createSecretStore({ kv: cacheKv(cache), protection })
    const config = { serverUrl: launch.serverUrl, platform: 'electron' as const, version }
    return { cache, handlers: createIpcHandlers({ cache, secrets, config, notifier, systemTheme }) }
  },
})
