/**
 * Removals, on both stores (a real SQLite file, a real PostgreSQL database): a removal begins
 * (signed out, out of getMember and sign-in, still in the directory), completes (the record goes,
 * the removal stays), and keeps someone removed from coming back through an invite made before
 * their removal. How SQLite's migration 0050 adds them is SQLite's own.
 */
import Database from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import { migrate, migrations } from '../../../../server/store/sqlite/migrations/index.ts'
import { storeKinds } from '../../../support/stores.ts'
import { dbFile, inviteRecord, newMember, seedWorkspace } from './fixtures.ts'

const kinds = storeKinds()

describe.each(kinds)('$name store', (kind) => {
  describe('removals', () => {
    it('a removal under way signs the member out and hides them from getMember and sign-in, not from the directory', async () => {
      const store = await kind.open()
      const { workspaceId: ws, ownerId } = await seedWorkspace(store)
      const bo = newMember()
      await store.createInvite('c_bo', inviteRecord(ws))
      await store.acceptInvite('c_bo', bo, 2)
      await store.createSession('tok_bo', bo.memberId, 10_000, 3)
      await store.createInvite('c_by_bo', inviteRecord(ws, { id: 'inv_by_bo', createdBy: bo.memberId }))

      const removal = await store.beginRemoval(ws, bo.memberId, 5)
      expect(removal).toEqual({ workspaceId: ws, memberId: bo.memberId, accountId: `acc_${bo.memberId}`, email: `${bo.memberId}@example.com`, role: 'member', startedAt: 5, completedAt: null })
      expect(await store.getSession('tok_bo')).toBeNull()
      expect(await store.getMember(ws, bo.memberId)).toBeNull()
      expect(await store.membersOfAccount(`acc_${bo.memberId}`)).toEqual([])
      expect((await store.listMembers(ws)).map((m) => m.id).sort()).toEqual([bo.memberId, ownerId].sort())
      // The directory says whose removal is under way, and since when (People and invites shows it).
      expect(Object.fromEntries((await store.listMembers(ws)).map((m) => [m.id, m.removingSince ?? null]))).toEqual({ [bo.memberId]: 5, [ownerId]: null })
      expect((await store.getInvite('c_by_bo'))?.revokedAt).toBe(5)
      // Beginning again (a retry) changes nothing.
      expect(await store.beginRemoval(ws, bo.memberId, 9)).toEqual(removal)
      expect(await store.pendingRemoval(ws, bo.memberId)).toEqual(removal)

      await store.removeMember(ws, bo.memberId, 12)
      expect(await store.pendingRemoval(ws, bo.memberId)).toBeNull()
      expect((await store.listMembers(ws)).map((m) => m.id)).toEqual([ownerId])
      expect(await store.beginRemoval(ws, bo.memberId, 13)).toBeNull()
      expect(await store.beginRemoval(ws, 'mem_nobody', 13)).toBeNull()
    })

    it('someone removed comes back only through an invite made after the removal completed', async () => {
      const store = await kind.open()
      const { workspaceId: ws } = await seedWorkspace(store)
      await seedWorkspace(store, 'ws_other')
      const bo = newMember()
      await store.createInvite('c_join', inviteRecord(ws, { createdAt: 1 }))
      await store.acceptInvite('c_join', bo, 2)
      await store.createInvite('c_before', inviteRecord(ws, { createdAt: 3 }))
      await store.createInvite('c_during', inviteRecord(ws, { createdAt: 6 }))
      await store.createInvite('c_elsewhere', inviteRecord('ws_other', { createdAt: 3 }))
      const again = { ...bo, memberId: 'mem_bo_again', account: { existingId: `acc_${bo.memberId}` } }

      await store.beginRemoval(ws, bo.memberId, 5)
      // Under way: no invite lets them in, whenever it was made.
      expect(await store.acceptInvite('c_during', again, 7)).toBe('removed')
      await store.removeMember(ws, bo.memberId, 8)
      await store.createInvite('c_same_time', inviteRecord(ws, { createdAt: 8 }))
      await store.createInvite('c_after', inviteRecord(ws, { createdAt: 9 }))

      for (const code of ['c_before', 'c_during', 'c_same_time']) expect(await store.acceptInvite(code, again, 10)).toBe('removed')
      // The refused invites stay unused, for someone else.
      expect((await store.getInvite('c_before'))?.usedAt).toBeNull()
      // Another workspace never heard of the removal.
      expect(await store.acceptInvite('c_elsewhere', { ...again, memberId: 'mem_bo_other' }, 10)).toBe('ok')
      expect(await store.acceptInvite('c_after', again, 10)).toBe('ok')
      expect((await store.getMember(ws, 'mem_bo_again'))?.accountId).toBe(`acc_${bo.memberId}`)
    })

    it('a removal without beginRemoval is recorded too, begun and completed at once', async () => {
      const store = await kind.open()
      const { workspaceId: ws } = await seedWorkspace(store)
      const bo = newMember()
      await store.createInvite('c_join', inviteRecord(ws, { createdAt: 1 }))
      await store.acceptInvite('c_join', bo, 2)
      await store.createInvite('c_old', inviteRecord(ws, { createdAt: 3 }))
      await store.removeMember(ws, bo.memberId, 4)
      expect(await store.acceptInvite('c_old', { ...bo, memberId: 'mem_back', account: { existingId: `acc_${bo.memberId}` } }, 5)).toBe('removed')
    })
  })
})

describe('removals in the SQLite file', () => {
  it('0050 adds removals to a populated database, keeping its data; they go with their workspace', () => {
    const db = new Database(dbFile())
    db.pragma('foreign_keys = ON')
    migrate(db, migrations.filter((m) => m.version < 50))
    db.exec(`
      insert into workspaces values ('ws_a', 'Acme', 1);
      insert into accounts values ('acc_a', 'ana@example.com', 'Ana', 'hash', '#123456', 1);
      insert into members values ('mem_a', 'ws_a', 'acc_a', 'owner', '[]', null, 1);
    `)
    const members = db.prepare('select * from members').all()
    migrate(db)
    expect(db.prepare('select * from members').all()).toEqual(members)
    db.prepare("insert into member_removals (workspace_id, member_id, account_id, email, role, started_at) values ('ws_a', 'mem_b', 'acc_a', 'ana@example.com', 'member', 5)").run()
    expect(db.prepare('select count(*) from member_removals').pluck().get()).toBe(1)
    db.prepare("delete from workspaces where id = 'ws_a'").run()
    expect(db.prepare('select count(*) from member_removals').pluck().get()).toBe(0)
    db.close()
  })
})
