import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { invokeChannels } from '../../../../protocol/ipc.ts'
import { openCache, type Cache } from '../../../../main/cache/open.ts'
import { cacheKv, getSetting, getSnapshot, putWorkspace } from '../../../../main/cache/queries.ts'
import { createSecretStore } from '../../../../main/credentials/secret-store.ts'
import { createIpcHandlers } from '../../../../main/ipc/handlers.ts'
import { floor, member, tempDir, workspace } from '../fixtures.ts'

const config = { serverUrl: 'http://127.0.0.1:8080', platform: 'electron' as const, version: '0.1.0' }

const opened: Cache[] = []
afterEach(() => opened.splice(0).forEach((c) => c.close()))

function setup() {
  const cache = openCache(path.join(tempDir(), 'cache.db'))
  opened.push(cache)
  const secrets = createSecretStore({ kv: cacheKv(cache), protection: { cipher: null, weakness: null }, warn: () => {} })
  return { cache, handlers: createIpcHandlers({ cache, secrets, config, notifier: { show: () => {} } }) }
}

describe('createIpcHandlers', () => {
  it('has a function for every channel of the contract and nothing else', () => {
    const { handlers } = setup()
    expect(Object.keys(handlers).sort()).toEqual(Object.keys(invokeChannels).sort())
    for (const handler of Object.values(handlers)) expect(handler).toBeTypeOf('function')
  })

  it('answers app:getConfig with the host config', async () => {
    expect(await setup().handlers['app:getConfig']()).toEqual(config)
  })

  it('writes floors and members through to the cache', async () => {
    const { cache, handlers } = setup()
    putWorkspace(cache, workspace)
    await handlers['cache:putFloor'](workspace.id, floor(4))
    await handlers['cache:putMembers'](workspace.id, [member('mem_ana')])
    expect(getSnapshot(cache, workspace.id)).toMatchObject({ floors: [floor(4)], members: [member('mem_ana')] })
  })

  it('drops a stale floor without failing', async () => {
    const { cache, handlers } = setup()
    putWorkspace(cache, workspace)
    await handlers['cache:putFloor'](workspace.id, floor(4))
    expect(await handlers['cache:putFloor'](workspace.id, floor(3))).toBeNull()
    expect(getSnapshot(cache, workspace.id)?.floors[0]?.version).toBe(4)
  })

  it('stores and reads credentials', async () => {
    const { handlers } = setup()
    await handlers['credentials:set']('session.token', 'tok')
    expect(await handlers['credentials:get']('session.token')).toBe('tok')
  })
})

describe('settings and notifications', () => {
  it('keeps renderer settings apart from main settings and round-trips them', async () => {
    const { cache, handlers } = setup()
    await handlers['settings:set']('stars', '["mem_ana"]')
    expect(await handlers['settings:get']('stars')).toBe('["mem_ana"]')
    expect(getSetting(cache, 'stars')).toBeNull()
    await handlers['settings:set']('stars', null)
    expect(await handlers['settings:get']('stars')).toBeNull()
  })

  it('hands notifications to the notifier', async () => {
    const cache = openCache(path.join(tempDir(), 'cache.db'))
    opened.push(cache)
    const shown: unknown[] = []
    const secrets = createSecretStore({ kv: cacheKv(cache), protection: { cipher: null, weakness: null }, warn: () => {} })
    const handlers = createIpcHandlers({ cache, secrets, config, notifier: { show: (n) => shown.push(n) } })
    await handlers['notify:show']({ id: 'n1', title: 'Ana waves', body: 'Join her?', silent: true })
    expect(shown).toEqual([{ id: 'n1', title: 'Ana waves', body: 'Join her?', silent: true }])
  })

  it('reports the OS theme it is given, and light where the host has none', async () => {
    const cache = openCache(path.join(tempDir(), 'cache.db'))
    opened.push(cache)
    const secrets = createSecretStore({ kv: cacheKv(cache), protection: { cipher: null, weakness: null }, warn: () => {} })
    const notifier = { show: () => {} }
    let os: 'light' | 'dark' | 'contrast' = 'dark'
    const handlers = createIpcHandlers({ cache, secrets, config, notifier, systemTheme: () => os })
    expect(await handlers['theme:getSystem']()).toBe('dark')
    os = 'contrast'
    expect(await handlers['theme:getSystem']()).toBe('contrast')
    expect(await createIpcHandlers({ cache, secrets, config, notifier })['theme:getSystem']()).toBe('light')
  })
})
