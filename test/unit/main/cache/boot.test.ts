import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { latestSnapshot, readBoot } from '../../../../main/cache/boot.ts'
import { openCache, type Cache } from '../../../../main/cache/open.ts'
import { putFloor, putWorkspace } from '../../../../main/cache/queries.ts'
import { floor, tempDir, workspace } from '../fixtures.ts'

const opened: Cache[] = []
afterEach(() => opened.splice(0).forEach((c) => c.close()))

function open(clock: { now: number }): Cache {
  const cache = openCache(path.join(tempDir(), 'cache.db'), { now: () => clock.now })
  opened.push(cache)
  return cache
}

const config = { serverUrl: 'http://127.0.0.1:8080', platform: 'electron' as const, version: '0.1.0' }

describe('the boot answer', () => {
  it('holds nothing cached on a first start', async () => {
    const cache = open({ now: 1 })
    const boot = await readBoot({ cache, secrets: { get: async () => null }, config, systemTheme: () => 'light' })
    expect(boot).toEqual({ config, session: null, snapshot: null, systemTheme: 'light' })
  })

  it('carries the workspace written last, with its floors', () => {
    const clock = { now: 1000 }
    const cache = open(clock)
    putWorkspace(cache, workspace)
    putFloor(cache, workspace.id, floor(2))
    clock.now = 2000
    putWorkspace(cache, { id: 'ws_beta', name: 'Beta', createdAt: 1 })
    expect(latestSnapshot(cache)?.workspace.id).toBe('ws_beta')
    clock.now = 3000
    putWorkspace(cache, workspace)
    expect(latestSnapshot(cache)).toMatchObject({ workspace, floors: [floor(2)] })
  })

  it('carries the saved session and the OS theme', async () => {
    const cache = open({ now: 1 })
    const secrets = { get: async (key: string) => (key === 'session' ? 'saved' : null) }
    expect(await readBoot({ cache, secrets, config, systemTheme: () => 'contrast' })).toMatchObject({ session: 'saved', systemTheme: 'contrast' })
  })
})
