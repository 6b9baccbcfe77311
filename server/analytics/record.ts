/**
 * Records arrivals and departures for the usage analytics from LiveKit's webhooks: joining or
 * leaving the lobby is coming online or going offline; a media room's, entering or leaving it.
 * Times are when the webhook arrived, or LiveKit's time for one that came late.
 */
import type { FastifyInstance } from 'fastify'

/** How long events are kept: the longest window shown is 30 days. */
const KEEP_MS = 60 * 24 * 3_600_000
/** A webhook this much older than its arrival came late. */
const LATE_MS = 5_000

export interface UsageWebhook {
  event: string
  createdAt?: bigint | number
  workspaceId: string
  /** The room's id, or `lobby`. */
  placeId: string
  kind: 'lobby' | 'room'
  identity: string
}

export async function recordUsage(app: FastifyInstance, w: UsageWebhook): Promise<void> {
  const event = w.event === 'participant_joined' ? 'in' : w.event === 'participant_left' || w.event === 'participant_connection_aborted' ? 'out' : null
  if (!event) return
  const now = app.now()
  const created = w.createdAt === undefined ? 0 : Number(w.createdAt) * 1_000
  // Our clock, to the millisecond, unless the webhook came late: then when LiveKit says it happened
  // (it counts whole seconds), so that a visit's end is never written before its start.
  const at = created > 0 && now - created > LATE_MS ? created : now
  await app.store.recordUsage(w.workspaceId, { at, kind: w.kind, placeId: w.placeId, memberId: w.identity, event }, now - KEEP_MS)
}
