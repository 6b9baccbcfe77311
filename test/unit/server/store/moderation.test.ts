/**
 * Room moderation in both stores (a real SQLite file, a real PostgreSQL database): a ban keeps
 * someone out of one room until it ends, a later removal replaces an earlier one; a speaker brought
 * on stage stays one while in the room and for a grace after leaving, and is one again for good
 * when back in time. Both go with the member. How SQLite's migration 0060 adds them is SQLite's own.
 */
import Database from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import { migrate, migrations } from '../../../../server/store/sqlite/migrations/index.ts'
import { storeKinds } from '../../../support/stores.ts'
import { dbFile, inviteRecord, newMember, seedWorkspace } from './fixtures.ts'

const kinds = storeKinds()
const MIN = 60_000

describe.each(kinds)('$name store', (kind) => {
  const withMember = async () => {
    const store = await kind.open()
    const { workspaceId: ws, ownerId } = await seedWorkspace(store)
    const bo = newMember()
    await store.createInvite('c_bo', inviteRecord(ws))
    await store.acceptInvite('c_bo', bo, 2)
    return { store, ws, ownerId, bo: bo.memberId }
  }

  describe('room bans', () => {
    it('keep someone out of one room until they end, naming who removed them; a later removal replaces an earlier one', async () => {
      const { store, ws, ownerId, bo } = await withMember()
      expect(await store.roomBan(ws, 'room_lounge', bo, 0)).toBeNull()
      await store.banFromRoom(ws, 'room_lounge', bo, 5 * MIN, ownerId)
      expect(await store.roomBan(ws, 'room_lounge', bo, 5 * MIN - 1)).toEqual({ until: 5 * MIN, by: ownerId })
      // Only that room, only that person, only until it ends.
      expect(await store.roomBan(ws, 'room_meeting', bo, 0)).toBeNull()
      expect(await store.roomBan(ws, 'room_lounge', ownerId, 0)).toBeNull()
      expect(await store.roomBan(ws, 'room_lounge', bo, 5 * MIN)).toBeNull()
      await store.banFromRoom(ws, 'room_lounge', bo, 9 * MIN, 'mem_host')
      expect(await store.roomBan(ws, 'room_lounge', bo, 6 * MIN)).toEqual({ until: 9 * MIN, by: 'mem_host' })
    })

    it('go with the member', async () => {
      const { store, ws, ownerId, bo } = await withMember()
      await store.banFromRoom(ws, 'room_lounge', bo, 5 * MIN, ownerId)
      await store.removeMember(ws, bo, 3)
      expect(await store.roomBan(ws, 'room_lounge', bo, 0)).toBeNull()
    })
  })

  describe('stage speakers', () => {
    it('are speakers once brought on and until taken off', async () => {
      const { store, ws, bo } = await withMember()
      expect(await store.isSpeaker(ws, 'room_stage', bo, 0)).toBe(false)
      await store.setSpeaker(ws, 'room_stage', bo, true)
      await store.setSpeaker(ws, 'room_stage', bo, true)
      expect(await store.isSpeaker(ws, 'room_stage', bo, 0)).toBe(true)
      expect(await store.isSpeaker(ws, 'room_other', bo, 0)).toBe(false)
      await store.setSpeaker(ws, 'room_stage', bo, false)
      expect(await store.isSpeaker(ws, 'room_stage', bo, 0)).toBe(false)
    })

    it('stay speakers for a grace after leaving, and for good when back in time', async () => {
      const { store, ws, bo } = await withMember()
      await store.setSpeaker(ws, 'room_stage', bo, true)
      await store.speakerAway(ws, 'room_stage', bo, 2 * MIN)
      expect(await store.isSpeaker(ws, 'room_stage', bo, 2 * MIN - 1)).toBe(true)
      expect(await store.isSpeaker(ws, 'room_stage', bo, 2 * MIN)).toBe(false)
      await store.speakerAway(ws, 'room_stage', bo, null)
      expect(await store.isSpeaker(ws, 'room_stage', bo, 60 * MIN)).toBe(true)
      // Someone who was never brought on is not made a speaker by coming back.
      await store.speakerAway(ws, 'room_stage', 'mem_nobody', null)
      expect(await store.isSpeaker(ws, 'room_stage', 'mem_nobody', 0)).toBe(false)
      await store.removeMember(ws, bo, 3)
      expect(await store.isSpeaker(ws, 'room_stage', bo, 0)).toBe(false)
    })
  })
})

describe('room moderation in the SQLite file', () => {
  it('0060 adds room bans and stage speakers to a populated database, keeping its data; they go with their member', () => {
    const db = new Database(dbFile())
    db.pragma('foreign_keys = ON')
    migrate(db, migrations.filter((m) => m.version < 60))
    db.exec(`
      insert into workspaces values ('ws_a', 'Acme', 1);
      insert into accounts values ('acc_a', 'ana@example.com', 'Ana', 'hash', '#123456', 1);
      insert into members values ('mem_a', 'ws_a', 'acc_a', 'owner', '[]', null, 1);
    `)
    const members = db.prepare('select * from members').all()
    migrate(db)
    expect(db.prepare('select * from members').all()).toEqual(members)
    db.prepare("insert into room_bans values ('ws_a', 'room_x', 'mem_a', 5, 'mem_host')").run()
    db.prepare("insert into stage_speakers values ('ws_a', 'room_x', 'mem_a', null)").run()
    db.prepare("delete from members where id = 'mem_a'").run()
    expect(db.prepare('select count(*) from room_bans').pluck().get()).toBe(0)
    expect(db.prepare('select count(*) from stage_speakers').pluck().get()).toBe(0)
    db.close()
  })
})
