/** Who is in which media room in the SQLite store, written in the order LiveKit's lists were read. */
import type { Store } from '../store.ts'
import type { Connection } from './connection.ts'

type OccupancyMethods = Pick<Store, 'setOccupants' | 'occupancy'>

export function occupancyMethods(c: Connection): OccupancyMethods {
  const { sql, write, remembered } = c
  return {
    async setOccupants(workspaceId, roomId, memberIds, at) {
      return write(() => {
        // Two webhooks at once read two lists; whichever was read last is the truth, whatever order
        // the writes arrive in (several server instances share this file).
        const lastRead = sql('select read_at from room_reads where workspace_id = ? and room_id = ?').pluck().get(workspaceId, roomId) as number | undefined
        if (lastRead !== undefined && lastRead > at) return false
        sql('insert into room_reads (workspace_id, room_id, read_at) values (?, ?, ?) on conflict do update set read_at = excluded.read_at').run(workspaceId, roomId, at)
        const before = sql('select member_id from room_occupants where workspace_id = ? and room_id = ?').pluck().all(workspaceId, roomId) as string[]
        const after = new Set(memberIds)
        if (before.length === after.size && before.every((id) => after.has(id))) return false
        // Whoever stays keeps their arrival time: a room that shrinks sends out its latest arrivals.
        const leave = sql('delete from room_occupants where workspace_id = ? and room_id = ? and member_id = ?')
        for (const id of before) if (!after.has(id)) leave.run(workspaceId, roomId, id)
        const arrive = sql('insert into room_occupants (workspace_id, room_id, member_id, since) values (?, ?, ?, ?) on conflict do nothing')
        for (const id of after) arrive.run(workspaceId, roomId, id, at)
        return true
      })
    },
    async occupancy(workspaceId) {
      return remembered(`occupancy:${workspaceId}`, () => {
        const rows = sql('select room_id, member_id from room_occupants where workspace_id = ? order by room_id, since, rowid').all(workspaceId) as { room_id: string; member_id: string }[]
        const rooms: Record<string, string[]> = {}
        for (const r of rows) (rooms[r.room_id] ??= []).push(r.member_id)
        return rooms
      })
    },
  }
}
