/**
 * Issue 13, hosts' view of the space: who was where and when, recorded from the LiveKit webhooks the
 * server already receives (joining and leaving the lobby, which is being online, and a room), and
 * read back over a window of days to count rooms, desks and companies used per hour and per day.
 */

/** One arrival or departure: `kind` lobby (online) or room (in a room's call). */
export interface UsageEvent {
  at: number
  kind: 'lobby' | 'room'
  /** The room's id; the workspace's lobby is `lobby`. */
  placeId: string
  memberId: string
  event: 'in' | 'out'
}

export interface AnalyticsStore {
  /** Records one arrival or departure; events older than `keepSince` are dropped meanwhile. */
  recordUsage(workspaceId: string, e: UsageEvent, keepSince: number): Promise<void>
  /**
   * Events from `since` on, oldest first, preceded by the arrival of everyone who was still there at
   * `since` (their last event before it was an arrival), so visits that began earlier are counted.
   */
  usageSince(workspaceId: string, since: number): Promise<UsageEvent[]>
}
