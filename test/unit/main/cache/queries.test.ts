import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { openCache, type Cache } from '../../../../main/cache/open.ts'
import {
  CacheError,
  cacheKv,
  getSetting,
  getSnapshot,
  putPresence,
  putFloor,
  putMembers,
  putSetting,
  putWorkspace,
} from '../../../../main/cache/queries.ts'
import { floor, member, tempDir, workspace } from '../fixtures.ts'

const opened: Cache[] = []
afterEach(() => opened.splice(0).forEach((c) => c.close()))

function open(file = path.join(tempDir(), 'cache.db'), now = 1000): Cache {
  const cache = openCache(file, { now: () => now })
  opened.push(cache)
  return cache
}

describe('cache queries', () => {
  it('round-trips a workspace, floor plan and members through a closed and reopened file', () => {
    const file = path.join(tempDir(), 'cache.db')
    const cache = open(file, 5000)
    const members = [member('mem_ana', { deskId: 'desk_1', email: 'ana@acme.test' }), member('mem_bo', { role: 'host' })]
    putWorkspace(cache, workspace)
    putFloor(cache, workspace.id, floor(3))
    putMembers(cache, workspace.id, members)
    cache.close()

    const reopened = open(file)
    expect(getSnapshot(reopened, workspace.id)).toEqual({ workspace, floors: [floor(3)], members, presence: null, savedAt: 5000 })
    reopened.close()
  })

  it('keeps the last presence seen, and drops a presence row that does not match the contract', () => {
    const cache = open(path.join(tempDir(), 'cache.db'))
    putWorkspace(cache, workspace)
    const presence = { savedAt: 42, peers: [{ id: 'mem_bo', name: 'Bo', status: 'busy' as const, statusText: '🎧', floor: 'floor_main', desk: 'desk_2', room: '', x: 1, y: 2 }] }
    putPresence(cache, workspace.id, presence)
    expect(getSnapshot(cache, workspace.id)?.presence).toEqual(presence)
    cache.db.prepare('UPDATE kv SET value = ? WHERE key = ?').run('{"savedAt":"yesterday"}', `presence:${workspace.id}`)
    expect(getSnapshot(cache, workspace.id)?.presence).toBeNull()
  })

  it('returns null for a workspace that is not cached', () => {
    const cache = open()
    expect(getSnapshot(cache, 'ws_other')).toBeNull()
  })

  it('keeps floors in the order they were first stored', () => {
    const cache = open()
    putWorkspace(cache, workspace)
    putFloor(cache, workspace.id, floor(1, { id: 'floor_b' }))
    putFloor(cache, workspace.id, floor(1, { id: 'floor_a' }))
    putFloor(cache, workspace.id, floor(2, { id: 'floor_b' }))
    expect(getSnapshot(cache, workspace.id)?.floors.map((f) => `${f.id}@${f.version}`)).toEqual(['floor_b@2', 'floor_a@1'])
  })

  it('ignores a floor older than the stored one', () => {
    const cache = open()
    putWorkspace(cache, workspace)
    putFloor(cache, workspace.id, floor(5, { name: 'New' }))
    expect(putFloor(cache, workspace.id, floor(4, { name: 'Old' }))).toBe(false)
    expect(getSnapshot(cache, workspace.id)?.floors).toEqual([floor(5, { name: 'New' })])
  })

  it('replaces a floor with the same or a newer version', () => {
    const cache = open()
    putWorkspace(cache, workspace)
    putFloor(cache, workspace.id, floor(5, { name: 'A' }))
    expect(putFloor(cache, workspace.id, floor(5, { name: 'B' }))).toBe(true)
    expect(putFloor(cache, workspace.id, floor(6, { name: 'C' }))).toBe(true)
    expect(getSnapshot(cache, workspace.id)?.floors).toEqual([floor(6, { name: 'C' })])
  })

  it('refuses a floor for a workspace that is not cached', () => {
    const cache = open()
    expect(() => putFloor(cache, workspace.id, floor(1))).toThrow(expect.objectContaining({ code: 'not_found' }))
  })

  it('replaces the whole member set', () => {
    const cache = open()
    putWorkspace(cache, workspace)
    putMembers(cache, workspace.id, [member('mem_ana'), member('mem_bo')])
    putMembers(cache, workspace.id, [member('mem_cy')])
    expect(getSnapshot(cache, workspace.id)?.members.map((m) => m.id)).toEqual(['mem_cy'])
  })

  it('leaves the member set untouched when a put is refused', () => {
    const cache = open()
    putWorkspace(cache, workspace)
    putMembers(cache, workspace.id, [member('mem_ana')])
    expect(() => putMembers(cache, workspace.id, [member('mem_bo'), member('mem_x', { workspaceId: 'ws_other' })])).toThrow(CacheError)
    expect(getSnapshot(cache, workspace.id)?.members.map((m) => m.id)).toEqual(['mem_ana'])
  })

  it('keeps workspaces apart', () => {
    const cache = open()
    const other = { ...workspace, id: 'ws_other', name: 'Other' }
    putWorkspace(cache, workspace)
    putWorkspace(cache, other)
    putMembers(cache, workspace.id, [member('mem_ana')])
    putMembers(cache, other.id, [member('mem_bo', { workspaceId: other.id })])
    expect(getSnapshot(cache, other.id)?.members.map((m) => m.id)).toEqual(['mem_bo'])
  })

  it('reports the latest write time as savedAt', () => {
    const file = path.join(tempDir(), 'cache.db')
    const first = open(file, 100)
    putWorkspace(first, workspace)
    first.close()
    const second = open(file, 900)
    putMembers(second, workspace.id, [member('mem_ana')])
    expect(getSnapshot(second, workspace.id)?.savedAt).toBe(900)
  })

  it('treats a floor row that fails the schema as absent', () => {
    const cache = open()
    putWorkspace(cache, workspace)
    putFloor(cache, workspace.id, floor(1))
    cache.db.prepare('INSERT INTO floors VALUES (?, ?, ?, ?, ?)').run(workspace.id, 'floor_bad', 1, '{"id":"floor_bad"}', 1)
    expect(getSnapshot(cache, workspace.id)?.floors.map((f) => f.id)).toEqual(['floor_main'])
  })

  it('treats a member row that is not JSON as absent', () => {
    const cache = open()
    putWorkspace(cache, workspace)
    putMembers(cache, workspace.id, [member('mem_ana')])
    cache.db.prepare('INSERT INTO members VALUES (?, ?, ?, ?)').run(workspace.id, 'mem_bad', '{not json', 1)
    expect(getSnapshot(cache, workspace.id)?.members.map((m) => m.id)).toEqual(['mem_ana'])
  })

  it('treats an invalid workspace row as no snapshot', () => {
    const cache = open()
    cache.db.prepare('INSERT INTO workspaces VALUES (?, ?, ?)').run(workspace.id, '{"id":"ws_acme"}', 1)
    expect(getSnapshot(cache, workspace.id)).toBeNull()
  })

  it('stores, replaces and deletes settings', () => {
    const cache = open()
    putSetting(cache, 'window.bounds', 'a')
    putSetting(cache, 'window.bounds', 'b')
    expect(getSetting(cache, 'window.bounds')).toBe('b')
    putSetting(cache, 'window.bounds', null)
    expect(getSetting(cache, 'window.bounds')).toBeNull()
  })

  it("keeps the secret store's kv beside the cache, never in its settings table", () => {
    const cache = open()
    cacheKv(cache).set('secret:k', 'v')
    expect(cacheKv(cache).get('secret:k')).toBe('v')
    expect(getSetting(cache, 'secret:k')).toBeNull()
    cacheKv(cache).set('secret:k', null)
    expect(cacheKv(cache).get('secret:k')).toBeNull()
  })

  it('reads a snapshot through the primary keys, not a table scan', () => {
    const cache = open()
    const plan = cache.db
      .prepare('EXPLAIN QUERY PLAN SELECT json, saved_at FROM members WHERE workspace_id = ? ORDER BY rowid')
      .all('ws_acme') as { detail: string }[]
    expect(plan.map((p) => p.detail).join('\n')).toMatch(/USING INDEX sqlite_autoindex_members_1/)
  })
})
