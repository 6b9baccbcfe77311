/** Usage events in the PostgreSQL store (issue 13's analytics). */
import type { AnalyticsStore, UsageEvent } from '../analytics-store.ts'
import type { Connection } from './connection.ts'

interface Row {
  at: number
  kind: UsageEvent['kind']
  place_id: string
  member_id: string
  event: UsageEvent['event']
}

const toEvent = (r: Row): UsageEvent => ({ at: Number(r.at), kind: r.kind, placeId: r.place_id, memberId: r.member_id, event: r.event })

export function analyticsMethods(c: Connection): AnalyticsStore {
  return {
    async recordUsage(workspaceId, e, keepSince) {
      await c.tx(async (sql) => {
        await sql.run('insert into usage_events (workspace_id, at, kind, place_id, member_id, event) values ($1, $2, $3, $4, $5, $6)', [workspaceId, e.at, e.kind, e.placeId, e.memberId, e.event])
        await sql.run('delete from usage_events where workspace_id = $1 and at < $2', [workspaceId, keepSince])
      })
    },
    async usageSince(workspaceId, since) {
      const rows = await c.rows<Row>(`
        select at, kind, place_id, member_id, event, n from (
          select at, kind, place_id, member_id, event, arrival as n, row_number() over (partition by kind, place_id, member_id order by at desc, arrival desc) as latest
          from usage_events where workspace_id = $1 and at < $2
        ) earlier where latest = 1 and event = 'in'
        union all
        select at, kind, place_id, member_id, event, arrival as n from usage_events where workspace_id = $1 and at >= $2
        order by at, n`, [workspaceId, since])
      return rows.map(toEvent)
    },
  }
}
