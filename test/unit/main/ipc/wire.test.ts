import path from 'node:path'
import { Value } from 'typebox/value'
import { afterEach, describe, expect, it } from 'vitest'
import { invokeChannels, type InvokeChannel, type IpcHandlers } from '../../../../protocol/ipc.ts'
import { openCache, type Cache } from '../../../../main/cache/open.ts'
import { cacheKv } from '../../../../main/cache/queries.ts'
import { createSecretStore } from '../../../../main/credentials/secret-store.ts'
import { createIpcHandlers } from '../../../../main/ipc/handlers.ts'
import { errorCodeOf, invokeOnWire } from '../../../../main/ipc/wire.ts'
import { APP_ENTRY_URL, packagedTrust } from '../../../../main/policy/renderer-origin.ts'
import { floor, member, tempDir, workspace } from '../fixtures.ts'

const config = { serverUrl: 'http://127.0.0.1:8080', platform: 'electron' as const, version: '0.1.0' }

const opened: Cache[] = []
afterEach(() => opened.splice(0).forEach((c) => c.close()))

function realHandlers(): IpcHandlers {
  const cache = openCache(path.join(tempDir(), 'cache.db'))
  opened.push(cache)
  // No OS keychain off Electron; the plain path of the store is what runs here.
  const secrets = createSecretStore({ kv: cacheKv(cache), protection: { cipher: null, weakness: null }, warn: () => {} })
  return createIpcHandlers({ cache, secrets, config, notifier: { show: () => {} } })
}

/** One valid argument list per channel; typed so a new channel fails to compile until added. */
const validArgs: { [C in InvokeChannel]: unknown[] } = {
  'app:getConfig': [],
  'app:boot': [],
  'cache:getSnapshot': [workspace.id],
  'cache:putWorkspace': [workspace],
  'cache:putFloor': [workspace.id, floor(1)],
  'cache:putMembers': [workspace.id, [member('mem_ana')]],
  'cache:clear': [],
  'cache:getChat': [workspace.id],
  'cache:putChat': [workspace.id, { seq: 3 }],
  'cache:getMessages': [workspace.id, 'ch_general', 50],
  'cache:putMessages': [workspace.id, []],
  'cache:dropConversation': [workspace.id, 'ch_general'],
  'cache:getOutbox': [workspace.id],
  'cache:putOutbox': [workspace.id, { clientId: 'client-0001', conversationId: 'ch_general', body: 'hi', threadId: null, createdAt: 1 }],
  'cache:dropOutbox': [workspace.id, 'client-0001'],
  'cache:putPresence': [workspace.id, { savedAt: 1, peers: [{ id: 'mem_ana', name: 'Ana', status: 'busy', statusText: '', floor: 'floor_main', desk: 'desk_1', room: '', x: 10, y: 20 }] }],
  'credentials:get': ['session.token'],
  'credentials:set': ['session.token', 'tok'],
  'settings:get': ['stars'],
  'settings:set': ['stars', '["mem_ana"]'],
  'notify:show': [{ id: 'n1', title: 'Ana waves', body: 'Join her?', silent: false }],
  'theme:getSystem': [],
  'tray:setState': [{ signedIn: true, status: 'busy', statusText: 'Writing', muted: false, inRoom: true, unread: 3 }],
  'notify:notice': [{ kind: 'wave', from: 'mem_ana', fromName: 'Ana', place: 'Lounge', text: '', ref: '1' }],
  'deeplink:take': [],
  'credentials:protection': [],
  'autostart:get': [],
  'autostart:set': [true],
  'shortcut:getMute': [],
  'shortcut:setMute': ['CommandOrControl+Shift+M'],
  'screen:sources': [],
  'screen:choose': [null],
  'update:getState': [],
  'update:restart': [],
}
const channels = Object.keys(invokeChannels) as InvokeChannel[]
const call = (handlers: IpcHandlers, channel: string, args: unknown[], sender: string | null = APP_ENTRY_URL) =>
  invokeOnWire(handlers, channel, args, sender, packagedTrust)

describe('invokeOnWire', () => {
  it.each(channels)('%s: answers ok with a result matching the contract', async (channel) => {
    const handlers = realHandlers()
    await call(handlers, 'cache:putWorkspace', [workspace])
    const result = await call(handlers, channel, validArgs[channel])
    expect(result.ok).toBe(true)
    expect(result.ok && Value.Check(invokeChannels[channel].result, result.value)).toBe(true)
  })

  it.each(channels)('%s: refuses a sender from another origin', async (channel) => {
    expect(await call(realHandlers(), channel, validArgs[channel], 'https://evil.example/')).toMatchObject({ ok: false, code: 'forbidden' })
  })

  it.each(channels)('%s: refuses a destroyed frame (null sender)', async (channel) => {
    expect(await call(realHandlers(), channel, validArgs[channel], null)).toMatchObject({ ok: false, code: 'forbidden' })
  })

  it.each(channels)('%s: refuses one argument too many as bad_args naming the channel', async (channel) => {
    const result = await call(realHandlers(), channel, [...validArgs[channel], 'extra'])
    expect(result).toMatchObject({ ok: false, code: 'bad_args', message: expect.stringContaining(channel) })
  })

  it('names the first bad argument path', async () => {
    const bad = floor(1, { desks: [{ id: 'desk_1', label: 'D', x: -5, y: 0, rotation: 0, assigneeId: null }] })
    const result = await call(realHandlers(), 'cache:putFloor', [workspace.id, bad])
    expect(result).toEqual({ ok: false, code: 'bad_args', message: expect.stringMatching(/^cache:putFloor: args\/1\/desks\/0\/x /) })
  })

  it('refuses a malformed secret key', async () => {
    const result = await call(realHandlers(), 'credentials:get', ['../../etc/passwd'])
    expect(result).toMatchObject({ ok: false, code: 'bad_args', message: expect.stringContaining('args/0') })
  })

  it('refuses an unknown channel', async () => {
    expect(await call(realHandlers(), 'secret:dump', [])).toMatchObject({ ok: false, code: 'not_found' })
  })

  it('refuses an inherited property name as a channel', async () => {
    expect(await call(realHandlers(), 'toString', [])).toMatchObject({ ok: false, code: 'not_found' })
  })

  it('turns a handler throw into ok:false with the message', async () => {
    const handlers = { ...realHandlers(), 'app:getConfig': async () => Promise.reject(new Error('disk on fire')) }
    expect(await call(handlers, 'app:getConfig', [])).toEqual({ ok: false, code: 'internal', message: 'app:getConfig: disk on fire' })
  })

  it('carries a protocol error code thrown by the cache', async () => {
    const result = await call(realHandlers(), 'cache:putFloor', [workspace.id, floor(1)])
    expect(result).toMatchObject({ ok: false, code: 'not_found', message: expect.stringContaining('ws_acme') })
  })

  it('round-trips a floor through the wire and the real cache', async () => {
    const handlers = realHandlers()
    await call(handlers, 'cache:putWorkspace', [workspace])
    await call(handlers, 'cache:putFloor', [workspace.id, floor(2)])
    const result = await call(handlers, 'cache:getSnapshot', [workspace.id])
    expect(result.ok && result.value).toMatchObject({ workspace, floors: [floor(2)] })
  })

  it('accepts the dev server origin only when it is the trusted dev URL', async () => {
    const handlers = realHandlers()
    const dev = { devUrl: 'http://localhost:5173/' }
    expect((await invokeOnWire(handlers, 'app:getConfig', [], 'http://localhost:5173/#/floor', dev)).ok).toBe(true)
    expect((await invokeOnWire(handlers, 'app:getConfig', [], 'http://localhost:5173/', packagedTrust)).ok).toBe(false)
  })
})

describe('errorCodeOf', () => {
  it('maps a SQLite code, which is not a protocol code, to internal', () => {
    expect(errorCodeOf(Object.assign(new Error('x'), { code: 'SQLITE_FULL' }))).toBe('internal')
  })

  it('maps a non-Error throw to internal', () => {
    expect(errorCodeOf('boom')).toBe('internal')
  })
})
