/**
 * The preload's fast start (preload/boot.ts) over main's real wire, handlers and SQLite cache:
 * the renderer's first reads come from one `app:boot` round trip and equal what main answers
 * channel by channel; nothing it serves is older than the renderer's own writes.
 */
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { openCache, type Cache } from '../../../main/cache/open.ts'
import { cacheKv } from '../../../main/cache/queries.ts'
import { createSecretStore } from '../../../main/credentials/secret-store.ts'
import { createIpcHandlers } from '../../../main/ipc/handlers.ts'
import { invokeOnWire } from '../../../main/ipc/wire.ts'
import { APP_ENTRY_URL, packagedTrust } from '../../../main/policy/renderer-origin.ts'
import { prefetchBoot, type Invoke } from '../../../preload/boot.ts'
import { floor, member, tempDir, workspace } from '../main/fixtures.ts'

const opened: Cache[] = []
afterEach(() => opened.splice(0).forEach((c) => c.close()))

/** main as the renderer reaches it, with a log of the channels that crossed to it. */
async function main(opts: { withBoot?: boolean } = {}) {
  const cache = openCache(path.join(tempDir(), 'cache.db'))
  opened.push(cache)
  const secrets = createSecretStore({ kv: cacheKv(cache), protection: { cipher: null, weakness: null }, warn: () => {} })
  const config = { serverUrl: 'http://127.0.0.1:8080', platform: 'electron' as const, version: '0.1.0' }
  const handlers = createIpcHandlers({ cache, secrets, config, notifier: { show: () => {} }, systemTheme: () => 'dark' })
  const crossed: string[] = []
  const invoke: Invoke = (channel, ...args) => {
    crossed.push(channel)
    // A main from before the batched start does not know the channel.
    if (channel === 'app:boot' && opts.withBoot === false) return Promise.resolve({ ok: false, code: 'not_found', message: 'unknown IPC channel' })
    return invokeOnWire(handlers, channel, args, APP_ENTRY_URL, packagedTrust)
  }
  // The member's last run: signed in, the workspace, its floor and members cached.
  await invoke('credentials:set', 'session', '{"token":"tok"}')
  await invoke('cache:putWorkspace', workspace)
  await invoke('cache:putFloor', workspace.id, floor(3))
  await invoke('cache:putMembers', workspace.id, [member('mem_ana')])
  crossed.length = 0
  return { invoke, crossed }
}

/** The four reads the renderer makes before its first paint. */
const startReads = (send: Invoke) =>
  Promise.all([send('app:getConfig'), send('credentials:get', 'session'), send('theme:getSystem'), send('cache:getSnapshot', workspace.id)])

describe('prefetchBoot', () => {
  it('answers the first paint’s four reads from one round trip, with what main answers one by one', async () => {
    const host = await main()
    const batched = await startReads(prefetchBoot(host.invoke))
    expect(host.crossed).toEqual(['app:boot'])
    const direct = await startReads(host.invoke)
    expect(batched).toEqual(direct)
    expect(batched[3]).toMatchObject({ ok: true, value: { workspace, floors: [floor(3)] } })
  })

  it('serves each read once; the next goes to main', async () => {
    const host = await main()
    const send = prefetchBoot(host.invoke)
    await send('app:getConfig')
    await send('app:getConfig')
    expect(host.crossed).toEqual(['app:boot', 'app:getConfig'])
  })

  it("never serves a snapshot older than the renderer's own write", async () => {
    const host = await main()
    const send = prefetchBoot(host.invoke)
    await send('cache:putFloor', workspace.id, floor(4))
    expect(await send('cache:getSnapshot', workspace.id)).toMatchObject({ ok: true, value: { floors: [floor(4)] } })
    await send('credentials:set', 'session', null)
    expect(await send('credentials:get', 'session')).toEqual({ ok: true, value: null })
  })

  it('asks main for what the boot answer does not hold', async () => {
    const host = await main()
    const send = prefetchBoot(host.invoke)
    expect(await send('cache:getSnapshot', 'ws_other')).toEqual({ ok: true, value: null })
    expect(await send('credentials:get', 'other.key')).toEqual({ ok: true, value: null })
    expect(host.crossed).toEqual(['app:boot', 'cache:getSnapshot', 'credentials:get'])
  })

  it('falls back to one call per read when main has no app:boot', async () => {
    const host = await main({ withBoot: false })
    const reads = await startReads(prefetchBoot(host.invoke))
    expect(reads.every((r) => r.ok)).toBe(true)
    expect(host.crossed.sort()).toEqual(['app:boot', 'app:getConfig', 'cache:getSnapshot', 'credentials:get', 'theme:getSystem'])
  })

  it('falls back when the boot call itself throws', async () => {
    const host = await main()
    const send = prefetchBoot((channel, ...args) => (channel === 'app:boot' ? Promise.reject(new Error('gone')) : host.invoke(channel, ...args)))
    expect(await send('theme:getSystem')).toEqual({ ok: true, value: 'dark' })
  })
})
