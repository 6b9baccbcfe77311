import path from 'node:path'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { invokeChannels } from '../../../../protocol/ipc.ts'
import { openCache, type Cache } from '../../../../main/cache/open.ts'
import { cacheKv } from '../../../../main/cache/queries.ts'
import { createSecretStore } from '../../../../main/credentials/secret-store.ts'
import { createIpcHandlers } from '../../../../main/ipc/handlers.ts'
import { tempDir } from '../fixtures.ts'

// Only ipcMain is replaced: the Electron binary cannot exist here. Everything behind it is real.
const electron = vi.hoisted(() => {
  const registered = new Map<string, (event: unknown, ...args: unknown[]) => Promise<unknown>>()
  return {
    registered,
    ipcMain: {
      handle: vi.fn((channel: string, fn: (event: unknown, ...args: unknown[]) => Promise<unknown>) => registered.set(channel, fn)),
      removeHandler: vi.fn((channel: string) => registered.delete(channel)),
    },
  }
})
vi.mock('electron', () => ({ ipcMain: electron.ipcMain }))
const { registerIpc } = await import('../../../../main/electron/ipc.ts')

const opened: Cache[] = []
afterEach(() => {
  opened.splice(0).forEach((c) => c.close())
  electron.registered.clear()
})

function handlers() {
  const cache = openCache(path.join(tempDir(), 'cache.db'))
  opened.push(cache)
  const secrets = createSecretStore({ kv: cacheKv(cache), protection: { cipher: null, weakness: null }, warn: () => {} })
  return createIpcHandlers({ cache, secrets, config: { serverUrl: 'http://127.0.0.1:8080', platform: 'electron', version: '0' }, notifier: { show: () => {} } })
}

const frame = (url: string | null) => ({ senderFrame: url === null ? null : { url } })

describe('registerIpc', () => {
  it('registers exactly the contract channels', () => {
    registerIpc(handlers(), { devUrl: null })
    expect([...electron.registered.keys()].sort()).toEqual(Object.keys(invokeChannels).sort())
  })

  it('routes a call from the app frame to the handler', async () => {
    registerIpc(handlers(), { devUrl: null })
    const result = await electron.registered.get('app:getConfig')?.(frame('app://bundle/index.html'))
    expect(result).toMatchObject({ ok: true, value: { platform: 'electron' } })
  })

  it('refuses a call whose frame is gone', async () => {
    registerIpc(handlers(), { devUrl: null })
    expect(await electron.registered.get('app:getConfig')?.(frame(null))).toMatchObject({ ok: false, code: 'forbidden' })
  })

  it('checks arguments on the real transport path', async () => {
    registerIpc(handlers(), { devUrl: null })
    const result = await electron.registered.get('credentials:get')?.(frame('app://bundle/'), 42)
    expect(result).toMatchObject({ ok: false, code: 'bad_args' })
  })

  it('removes every handler it registered', () => {
    registerIpc(handlers(), { devUrl: null })()
    expect(electron.registered.size).toBe(0)
  })
})
