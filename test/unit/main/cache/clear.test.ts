/**
 * Sign-out clears the desktop cache: through main's real IPC handler, on a real SQLite file, and
 * checked on the file's bytes — a deleted row whose bytes are still in the file is not gone.
 */
import fs from 'node:fs'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { openCache, type Cache } from '../../../../main/cache/open.ts'
import { cacheKv, getSetting, getSnapshot, putFloor, putMembers, putPresence, putSetting, putWorkspace } from '../../../../main/cache/queries.ts'
import { createSecretStore } from '../../../../main/credentials/secret-store.ts'
import { createIpcHandlers } from '../../../../main/ipc/handlers.ts'
import { floor, member, tempDir, workspace } from '../fixtures.ts'

const config = { serverUrl: 'http://127.0.0.1:8080', platform: 'electron' as const, version: '0.1.0' }
const opened: Cache[] = []
afterEach(() => opened.splice(0).forEach((c) => c.close()))

/** Words that appear only in what the server told this client; none may survive a sign-out. */
const traces = ['Zanzibar Holdings', 'Quillfeather Floor', 'Ottoline Brask', 'Board deck due Friday']

function signedInCache() {
  const file = path.join(tempDir(), 'cache.db')
  const cache = openCache(file)
  opened.push(cache)
  const secrets = createSecretStore({ kv: cacheKv(cache), protection: { cipher: null, weakness: null }, warn: () => {} })
  const handlers = createIpcHandlers({ cache, secrets, config, notifier: { show: () => {} } })
  const ws = { ...workspace, name: traces[0]! }
  putWorkspace(cache, ws)
  putFloor(cache, ws.id, floor(3, { name: traces[1]! }))
  putMembers(cache, ws.id, [member('mem_ana', { name: traces[2]! }), member('mem_bo')])
  putPresence(cache, ws.id, { savedAt: 1, peers: [{ id: 'mem_ana', name: traces[2]!, status: 'busy', statusText: traces[3]!, floor: 'floor_main', desk: 'desk_1', room: '', x: 1, y: 2 }] })
  putSetting(cache, 'window.bounds', '{"x":1}')
  putSetting(cache, 'renderer:stars', '["mem_bo"]')
  return { file, cache, handlers, secrets }
}

/** The cache's bytes on disk: the database and its WAL. */
const bytesOf = (file: string): string =>
  [file, `${file}-wal`].map((f) => (fs.existsSync(f) ? fs.readFileSync(f).toString('latin1') : '')).join('')

describe('cache:clear (sign-out)', () => {
  it('a plain DELETE would leave the office in the file (why the wipe matters)', () => {
    const { file, cache } = signedInCache()
    cache.db.prepare('DELETE FROM workspaces').run()
    expect(traces.some((t) => bytesOf(file).includes(t))).toBe(true)
  })

  it('forgets every workspace, floor, member and presence picture, down to the bytes', async () => {
    const { file, cache, handlers } = signedInCache()
    expect(traces.every((t) => bytesOf(file).includes(t))).toBe(true)
    expect(await handlers['cache:clear']()).toBeNull()
    expect(getSnapshot(cache, workspace.id)).toBeNull()
    for (const t of traces) expect(bytesOf(file), t).not.toContain(t)
    cache.close()
    for (const t of traces) expect(bytesOf(file), t).not.toContain(t)
  })

  it('keeps the window bounds and the renderer settings, and the cache stays usable', async () => {
    const { cache, handlers } = signedInCache()
    await handlers['cache:clear']()
    expect(getSetting(cache, 'window.bounds')).toBe('{"x":1}')
    expect(await handlers['settings:get']('stars')).toBe('["mem_bo"]')
    putWorkspace(cache, workspace)
    expect(getSnapshot(cache, workspace.id)?.workspace).toEqual(workspace)
  })

  it('takes a damaged copy moved aside with it: it held the office as it was then', async () => {
    const { file, handlers } = signedInCache()
    const dir = path.dirname(file)
    for (const suffix of ['', '-wal', '-shm']) fs.writeFileSync(`${file}.corrupt-1${suffix}`, traces.join(' '))
    fs.writeFileSync(path.join(dir, 'notes.txt'), 'not the cache')
    await handlers['cache:clear']()
    expect(fs.readdirSync(dir).filter((n) => n.includes('.corrupt-'))).toEqual([])
    expect(fs.existsSync(path.join(dir, 'notes.txt'))).toBe(true)
  })

  it('leaves the credentials to the renderer, which forgets them itself', async () => {
    const { handlers } = signedInCache()
    await handlers['credentials:set']('session', 'tok-1')
    await handlers['cache:clear']()
    expect(await handlers['credentials:get']('session')).toBe('tok-1')
  })
})
