/**
 * Who is in which media room in the PostgreSQL store, written in the order LiveKit's lists were
 * read: a room's list is replaced under that room's lock, so of two instances writing at once the
 * one holding the later read wins, whichever commits last.
 */
import type { Store } from '../store.ts'
import { lockKey, type Connection } from './connection.ts'

type OccupancyMethods = Pick<Store, 'setOccupants' | 'occupancy'>

export function occupancyMethods(c: Connection): OccupancyMethods {
  return {
    async setOccupants(workspaceId, roomId, memberIds, at) {
      return c.tx(async (sql) => {
        await sql.lock(lockKey.room(workspaceId, roomId))
        const lastRead = await sql.one<{ read_at: number }>('select read_at from room_reads where workspace_id = $1 and room_id = $2', [workspaceId, roomId])
        if (lastRead && lastRead.read_at > at) return false
        await sql.run(`insert into room_reads (workspace_id, room_id, read_at) values ($1, $2, $3)
          on conflict (workspace_id, room_id) do update set read_at = excluded.read_at`, [workspaceId, roomId, at])
        const before = (await sql.rows<{ member_id: string }>('select member_id from room_occupants where workspace_id = $1 and room_id = $2', [workspaceId, roomId]))
          .map((r) => r.member_id)
        const after = new Set(memberIds)
        if (before.length === after.size && before.every((id) => after.has(id))) return false
        // Whoever stays keeps their arrival time: a room that shrinks sends out its latest arrivals.
        await sql.run('delete from room_occupants where workspace_id = $1 and room_id = $2 and member_id <> all($3::text[])', [workspaceId, roomId, [...after]])
        // unnest keeps the list's order, which `arrival` records for those arriving at the same moment.
        await sql.run(`insert into room_occupants (workspace_id, room_id, member_id, since)
          select $1, $2, m.id, $4 from unnest($3::text[]) with ordinality as m(id, n) order by m.n
          on conflict do nothing`, [workspaceId, roomId, [...after], at])
        return true
      })
    },
    async occupancy(workspaceId) {
      const rows = await c.rows<{ room_id: string; member_id: string }>(
        'select room_id, member_id from room_occupants where workspace_id = $1 order by room_id collate "C", since, arrival', [workspaceId])
      const rooms: Record<string, string[]> = {}
      for (const r of rows) (rooms[r.room_id] ??= []).push(r.member_id)
      return rooms
    },
  }
}
