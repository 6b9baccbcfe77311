/**
 * The store methods behind hosts' work, on both stores (a real SQLite file, a real PostgreSQL
 * database): invites listed and revoked by id, roles that keep an owner and revoke a demoted
 * member's invites, floor order, drafts, and occupancy that remembers who arrived last.
 */
import { describe, expect, it } from 'vitest'
import { applyBatch } from '../../../../protocol/floor/apply.ts'
import type { Floor } from '../../../../protocol/floor/records.ts'
import type { Store } from '../../../../server/store/store.ts'
import { storeKinds } from '../../../support/stores.ts'
import { inviteRecord, newMember, seedWorkspace } from './fixtures.ts'

const kinds = storeKinds()

const anyone = { isMember: () => true }
const check = (floor: Floor, ops: unknown[]) => applyBatch(floor, ops, anyone)
const label = (deskId: string, text: string) => ({ op: 'desk.update', id: deskId, changes: { label: text } })
const edit = (store: Store, ws: string, baseVersion: number, ops: unknown[]) =>
  store.editFloor(ws, 'floor_main', { baseVersion, batchId: `b${baseVersion}`, ops, authorId: 'x', at: 1 }, check)

async function withMember(store: Store, ws: string, role: 'owner' | 'host' | 'member' = 'member') {
  const m = newMember(role)
  await store.createInvite(`code_${m.memberId}`, inviteRecord(ws, { role }))
  expect(await store.acceptInvite(`code_${m.memberId}`, m, 2)).toBe('ok')
  return m.memberId
}

describe.each(kinds)('$name store', (kind) => {
  describe('invites', () => {
    it('lists only open invites, newest first, and names a creator only while they are a member', async () => {
      const store = await kind.open()
      const { workspaceId: ws, ownerId } = await seedWorkspace(store)
      await seedWorkspace(store, 'ws_other')
      await store.createInvite('c_old', inviteRecord(ws, { id: 'inv_old', createdBy: ownerId, createdAt: 10, email: 'a@example.com', rooms: ['room_meeting'], role: 'guest' }))
      await store.createInvite('c_new', inviteRecord(ws, { id: 'inv_new', createdBy: 'mem_gone', createdAt: 20 }))
      await store.createInvite('c_used', inviteRecord(ws, { id: 'inv_used', createdBy: ownerId }))
      await store.createInvite('c_expired', inviteRecord(ws, { id: 'inv_expired', createdBy: ownerId, expiresAt: 50 }))
      await store.createInvite('c_revoked', inviteRecord(ws, { id: 'inv_revoked', createdBy: ownerId }))
      await store.createInvite('c_elsewhere', inviteRecord('ws_other', { id: 'inv_elsewhere' }))
      expect(await store.acceptInvite('c_used', newMember(), 2)).toBe('ok')
      expect(await store.revokeInvite(ws, 'inv_revoked', 3)).toBe(true)

      expect(await store.listOpenInvites(ws, 50)).toEqual([
        { id: 'inv_new', workspaceId: ws, role: 'member', email: null, rooms: [], createdBy: null, createdAt: 20, expiresAt: 1_000 },
        { id: 'inv_old', workspaceId: ws, role: 'guest', email: 'a@example.com', rooms: ['room_meeting'], createdBy: ownerId, createdAt: 10, expiresAt: 1_000 },
      ])
    })

    it('revokes by id only within its workspace; a revoked invite cannot be accepted', async () => {
      const store = await kind.open()
      const { workspaceId: ws } = await seedWorkspace(store)
      await seedWorkspace(store, 'ws_other')
      await store.createInvite('c_1', inviteRecord(ws, { id: 'inv_1' }))
      expect(await store.revokeInvite('ws_other', 'inv_1', 5)).toBe(false)
      expect(await store.revokeInvite(ws, 'inv_nope', 5)).toBe(false)
      expect(await store.getInvite('c_1')).toMatchObject({ id: 'inv_1', revokedAt: null })
      expect(await store.revokeInvite(ws, 'inv_1', 5)).toBe(true)
      // Revoking again changes nothing, not even the time.
      expect(await store.revokeInvite(ws, 'inv_1', 9)).toBe(true)
      expect(await store.getInvite('c_1')).toMatchObject({ revokedAt: 5, usedAt: null })
      expect(await store.acceptInvite('c_1', newMember(), 6)).toBe('revoked')
      expect(await store.listMembers(ws)).toHaveLength(1)
    })

    it('revokes the open invites of someone demoted below host, and of someone removed, and no others', async () => {
      const store = await kind.open()
      const { workspaceId: ws, ownerId } = await seedWorkspace(store)
      const demoted = await withMember(store, ws, 'host')
      const removed = await withMember(store, ws, 'host')
      const promoted = await withMember(store, ws, 'member')
      for (const [id, by] of [['inv_d', demoted], ['inv_r', removed], ['inv_p', promoted], ['inv_o', ownerId]] as const) {
        await store.createInvite(`c_${id}`, inviteRecord(ws, { id, createdBy: by }))
      }
      await store.createInvite('c_d_used', inviteRecord(ws, { id: 'inv_d_used', createdBy: demoted }))
      expect(await store.acceptInvite('c_d_used', newMember(), 3)).toBe('ok')

      expect(await store.setRole(ws, promoted, 'host', 4)).toBe('ok')
      expect(await store.setRole(ws, demoted, 'member', 5)).toBe('ok')
      await store.removeMember(ws, removed, 6)

      expect((await store.listOpenInvites(ws, 7)).map((i) => i.id).sort()).toEqual(['inv_o', 'inv_p'])
      expect(await store.getInvite('c_inv_d')).toMatchObject({ revokedAt: 5 })
      expect(await store.getInvite('c_inv_r')).toMatchObject({ revokedAt: 6 })
      // A used invite stays as it was: it is history, not an open door.
      expect(await store.getInvite('c_d_used')).toMatchObject({ usedAt: 3, revokedAt: null })
    })
  })

  describe('setRole', () => {
    it('never leaves a workspace without an owner', async () => {
      const store = await kind.open()
      const { workspaceId: ws, ownerId } = await seedWorkspace(store)
      expect(await store.setRole(ws, ownerId, 'host', 1)).toBe('last-owner')
      expect((await store.getMember(ws, ownerId))?.role).toBe('owner')
      const second = await withMember(store, ws)
      expect(await store.setRole(ws, second, 'owner', 2)).toBe('ok')
      expect(await store.setRole(ws, ownerId, 'member', 3)).toBe('ok')
      expect(await store.setRole(ws, second, 'guest', 4)).toBe('last-owner')
      expect((await store.listMembers(ws)).map((m) => m.role).sort()).toEqual(['member', 'owner'])
      expect(await store.setRole(ws, 'mem_nobody', 'host', 5)).toBe('not-found')
    })
  })

  describe('floors', () => {
    const blank = (id: string): Floor => ({ id, name: id, version: 0, width: 500, height: 500, rooms: [], desks: [] })

    it('reorders only when every floor is named exactly once', async () => {
      const store = await kind.open()
      const { workspaceId: ws } = await seedWorkspace(store)
      await store.addFloor(ws, blank('floor_b'))
      await store.addFloor(ws, blank('floor_c'))
      const order = async () => (await store.listFloors(ws)).map((f) => f.id)
      expect(await store.reorderFloors(ws, ['floor_c', 'floor_main', 'floor_b'])).toBe('ok')
      expect(await order()).toEqual(['floor_c', 'floor_main', 'floor_b'])
      for (const wrong of [['floor_c', 'floor_main'], ['floor_c', 'floor_main', 'floor_b', 'floor_x'], ['floor_c', 'floor_c', 'floor_b'], ['floor_c', 'floor_main', 'floor_x']]) {
        expect(await store.reorderFloors(ws, wrong)).toBe('mismatch')
      }
      expect(await order()).toEqual(['floor_c', 'floor_main', 'floor_b'])
      // A floor added later goes last.
      await store.addFloor(ws, blank('floor_d'))
      expect(await order()).toEqual(['floor_c', 'floor_main', 'floor_b', 'floor_d'])
    })

    it('an applied edit answers the floor before and after it', async () => {
      const store = await kind.open()
      const { workspaceId: ws, floor } = await seedWorkspace(store)
      const outcome = await edit(store, ws, 0, [label('desk_2', 'Window')])
      expect(outcome).toMatchObject({ kind: 'applied', version: 1, before: floor })
      expect(outcome.kind === 'applied' && outcome.floor.desks[1]?.label).toBe('Window')
    })
  })

  describe('drafts', () => {
    const put = (store: Store, ws: string, memberId: string, baseVersion: number, ops: unknown[], at = 100) =>
      store.putDraft(ws, 'floor_main', memberId, { baseVersion, ops, at }, check)

    it('start at the current version, keep their base while the floor moves on, and rebase onto a current version', async () => {
      const store = await kind.open()
      const { workspaceId: ws, ownerId, floor } = await seedWorkspace(store)
      await edit(store, ws, 0, [label('desk_3', 'Moved on')])
      expect(await put(store, ws, ownerId, 0, [])).toEqual({ kind: 'conflict', currentVersion: 1 })
      expect(await store.getDraft(ws, 'floor_main', ownerId)).toBeNull()

      const saved = await put(store, ws, ownerId, 1, [label('desk_2', 'Draft')])
      expect(saved).toMatchObject({ kind: 'saved', draft: { baseVersion: 1, ops: [label('desk_2', 'Draft')], updatedAt: 100 } })
      await edit(store, ws, 1, [label('desk_4', 'Moved on again')])

      // Saving against the draft's own base keeps that base, a copy of the floor as it was then.
      expect(await put(store, ws, ownerId, 1, [label('desk_2', 'Draft 2')], 200)).toMatchObject({ kind: 'saved', draft: { baseVersion: 1 } })
      const kept = await store.getDraft(ws, 'floor_main', ownerId)
      expect(kept).toMatchObject({ floorId: 'floor_main', memberId: ownerId, baseVersion: 1, updatedAt: 200, ops: [label('desk_2', 'Draft 2')] })
      expect(kept?.base).toEqual({ ...floor, version: 1, desks: floor.desks.map((d) => (d.id === 'desk_3' ? { ...d, label: 'Moved on' } : d)) })

      // Neither an older nor a future version; the current one rebases the draft on the current floor.
      expect(await put(store, ws, ownerId, 0, [])).toEqual({ kind: 'conflict', currentVersion: 2 })
      expect(await put(store, ws, ownerId, 3, [])).toEqual({ kind: 'conflict', currentVersion: 2 })
      expect(await put(store, ws, ownerId, 2, [label('desk_2', 'Rebased')], 300)).toMatchObject({ kind: 'saved', draft: { baseVersion: 2 } })
      expect(await store.getDraft(ws, 'floor_main', ownerId)).toEqual(expect.objectContaining({ baseVersion: 2, base: await store.getFloor(ws, 'floor_main') }))
    })

    it('refuse ops that do not apply to their base, naming the field, and keep what was saved', async () => {
      const store = await kind.open()
      const { workspaceId: ws, ownerId } = await seedWorkspace(store)
      await put(store, ws, ownerId, 0, [label('desk_2', 'Good')])
      const bad = await put(store, ws, ownerId, 0, [label('desk_2', 'ok'), { op: 'desk.update', id: 'desk_3', changes: { rotation: 360 } }], 200)
      expect(bad).toMatchObject({ kind: 'invalid', error: { field: 'ops[1].changes.rotation' } })
      expect(await store.getDraft(ws, 'floor_main', ownerId)).toMatchObject({ ops: [label('desk_2', 'Good')], updatedAt: 100 })
      expect(await store.putDraft(ws, 'floor_nowhere', ownerId, { baseVersion: 0, ops: [], at: 1 }, check)).toEqual({ kind: 'not-found' })
    })

    it('are one per host and floor, survive a reopen, and go with their member or their floor', async () => {
      const file = await kind.place()
      const first = await kind.open(file)
      const { workspaceId: ws, ownerId } = await seedWorkspace(first)
      const host = await withMember(first, ws, 'host')
      await first.addFloor(ws, { id: 'floor_two', name: 'Two', version: 0, width: 500, height: 500, rooms: [], desks: [] })
      await put(first, ws, ownerId, 0, [label('desk_2', 'Owner')])
      await put(first, ws, host, 0, [label('desk_2', 'Host')])
      expect(await first.putDraft(ws, 'floor_two', host, { baseVersion: 0, ops: [], at: 1 }, check)).toMatchObject({ kind: 'saved' })
      first.close()

      const store = await kind.open(file)
      expect((await store.getDraft(ws, 'floor_main', ownerId))?.ops).toEqual([label('desk_2', 'Owner')])
      expect((await store.getDraft(ws, 'floor_main', host))?.ops).toEqual([label('desk_2', 'Host')])
      expect(await store.removeFloor(ws, 'floor_two')).toMatchObject({ removed: { id: 'floor_two' } })
      expect(await store.getDraft(ws, 'floor_two', host)).toBeNull()
      await store.removeMember(ws, host, 5)
      expect(await store.getDraft(ws, 'floor_main', host)).toBeNull()
      expect(await store.getDraft(ws, 'floor_main', ownerId)).not.toBeNull()
      expect(await store.deleteDraft(ws, 'floor_main', ownerId)).toBe(true)
      expect(await store.deleteDraft(ws, 'floor_main', ownerId)).toBe(false)
    })
  })

  describe('occupancy', () => {
    it('keeps the arrival time of those who stay, so the latest arrivals are listed last', async () => {
      const store = await kind.open()
      const { workspaceId: ws } = await seedWorkspace(store)
      await store.setOccupants(ws, 'room_meeting', ['mem_c'], 1)
      await store.setOccupants(ws, 'room_meeting', ['mem_a', 'mem_c'], 2)
      expect(await store.setOccupants(ws, 'room_meeting', ['mem_b', 'mem_a', 'mem_c'], 3)).toBe(true)
      expect((await store.occupancy(ws)).room_meeting).toEqual(['mem_c', 'mem_a', 'mem_b'])
      expect(await store.setOccupants(ws, 'room_meeting', ['mem_a', 'mem_b', 'mem_c'], 4)).toBe(false)
      await store.setOccupants(ws, 'room_meeting', ['mem_b', 'mem_c'], 5)
      expect((await store.occupancy(ws)).room_meeting).toEqual(['mem_c', 'mem_b'])
      await store.setOccupants(ws, 'room_meeting', [], 6)
      expect(await store.occupancy(ws)).toEqual({})
    })
  })
})
