/**
 * SQLite step 100 (community): a database at step 90 with a workspace in it upgrades, keeps its
 * data, and its new tables hold groups, events and guest passes that go with the member.
 */
import Database from 'better-sqlite3'
import { expect, it } from 'vitest'
import { migrate, migrations } from '../../../../server/store/sqlite/migrations/index.ts'
import { dbFile } from './fixtures.ts'

it('upgrades a database at step 90, keeping its members; the new rows go with a removed member', () => {
  const db = new Database(dbFile())
  db.pragma('foreign_keys = ON')
  migrate(db, migrations.filter((m) => m.version <= 90))
  db.exec(`insert into workspaces (id, name, created_at) values ('ws_a', 'A', 1);
    insert into accounts (id, email, name, password_hash, colour, created_at) values ('acc_1', 'a@example.com', 'A', 'x', '#000000', 1);
    insert into members (id, workspace_id, account_id, role, rooms, created_at) values ('mem_1', 'ws_a', 'acc_1', 'guest', '["room_meeting"]', 1);`)
  expect(migrate(db, migrations.filter((m) => m.version <= 100))).toBe(100)
  expect(db.prepare('select id from members').pluck().all()).toEqual(['mem_1'])
  db.exec(`insert into community_groups (workspace_id, id, name, description, channel_id, created_by, created_at) values ('ws_a', 'grp_1', 'G', '', 'ch_1', 'mem_1', 1);
    insert into group_members (workspace_id, group_id, member_id, joined_at) values ('ws_a', 'grp_1', 'mem_1', 1);
    insert into events (workspace_id, id, title, description, host_id, room_id, starts_at, ends_at, capacity, created_at) values ('ws_a', 'ev_1', 'E', '', 'mem_1', 'room_meeting', 1, 2, 5, 1);
    insert into event_rsvps (workspace_id, event_id, member_id, at) values ('ws_a', 'ev_1', 'mem_1', 1);
    insert into guest_passes (member_id, workspace_id, room_id, starts_at, ends_at, source, source_id) values ('mem_1', 'ws_a', 'room_meeting', 1, 2, 'event', 'ev_1');`)
  expect(() => db.exec("insert into community_groups (workspace_id, id, name, description, channel_id, created_at) values ('ws_a', 'grp_2', 'g', '', 'ch_2', 1)")).toThrow(/UNIQUE/)
  db.exec("delete from members where id = 'mem_1'")
  for (const table of ['group_members', 'event_rsvps', 'guest_passes']) expect(db.prepare(`select count(*) from ${table}`).pluck().get()).toBe(0)
  // What a member made stays after they leave.
  expect(db.prepare('select count(*) from events').pluck().get()).toBe(1)
  db.close()
})
