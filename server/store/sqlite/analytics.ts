/** Usage events in the SQLite store (issue 13's analytics). */
import type { AnalyticsStore, UsageEvent } from '../analytics-store.ts'
import type { Connection } from './connection.ts'

interface Row {
  at: number
  kind: UsageEvent['kind']
  place_id: string
  member_id: string
  event: UsageEvent['event']
}

const toEvent = (r: Row): UsageEvent => ({ at: r.at, kind: r.kind, placeId: r.place_id, memberId: r.member_id, event: r.event })

export function analyticsMethods(c: Connection): AnalyticsStore {
  const { sql, write } = c
  return {
    async recordUsage(workspaceId, e, keepSince) {
      write(() => {
        sql('insert into usage_events (workspace_id, at, kind, place_id, member_id, event) values (?, ?, ?, ?, ?, ?)').run(workspaceId, e.at, e.kind, e.placeId, e.memberId, e.event)
        sql('delete from usage_events where workspace_id = ? and at < ?').run(workspaceId, keepSince)
      })
    },
    async usageSince(workspaceId, since) {
      const rows = sql(`
        select at, kind, place_id, member_id, event, n from (
          select at, kind, place_id, member_id, event, rowid as n, row_number() over (partition by kind, place_id, member_id order by at desc, rowid desc) as latest
          from usage_events where workspace_id = ? and at < ?
        ) where latest = 1 and event = 'in'
        union all
        select at, kind, place_id, member_id, event, rowid as n from usage_events where workspace_id = ? and at >= ?
        order by at, n`).all(workspaceId, since, workspaceId, since) as Row[]
      return rows.map(toEvent)
    },
  }
}
