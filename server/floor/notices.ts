/**
 * Telling a workspace's lobby what changed on its floors, as server-sent reliable data on topic
 * `floor` (protocol/presence.ts FloorNotice). An applied batch goes out itself, so members apply it
 * without calling back: one edit costs the server one request however many people watch.
 */
import type { FastifyInstance } from 'fastify'
import { MAX_NOTICE_BYTES, topics, type FloorNotice } from '../../protocol/presence.ts'

type BatchNotice = Extract<FloorNotice, { type: 'batch' }>
/** `floors` is read from the store when its turn comes, so it shows the list as it is then. */
type Pending = BatchNotice | { type: 'floors' }

interface Job {
  notice: Pending
  sent(): void
}

/**
 * Per LiveKit connection and workspace, the notices waiting to go out. Keyed by `app.rooms`, which
 * every route plugin shares (their `app`s are not the same object).
 */
const lanes = new WeakMap<object, Map<string, Job[]>>()

/**
 * Queues a notice for the workspace's lobby; resolves once it is sent (or given up on, logged).
 * Notices of one workspace go out one at a time: RoomService calls in flight together may reach
 * LiveKit out of order, and a client that sees version 7 before 6 has to fetch. A batch that
 * committed before one still waiting (two hosts' edits finishing together) goes before it.
 */
export function announce(app: FastifyInstance, workspaceId: string, notice: Pending): Promise<void> {
  let byWorkspace = lanes.get(app.rooms)
  if (!byWorkspace) lanes.set(app.rooms, (byWorkspace = new Map()))
  const queue = byWorkspace.get(workspaceId)
  return new Promise((resolve) => {
    const job = { notice, sent: resolve }
    if (queue) return insert(queue, job)
    byWorkspace.set(workspaceId, [job])
    void drain(app, workspaceId, byWorkspace)
  })
}

function insert(queue: Job[], job: Job): void {
  const n = job.notice
  // queue[0] is being sent already; only the ones behind it can still make way.
  const later = n.type === 'batch' ? queue.findIndex((j, i) => i > 0 && j.notice.type === 'batch' && j.notice.floorId === n.floorId && j.notice.version > n.version) : -1
  if (later > 0) queue.splice(later, 0, job)
  else queue.push(job)
}

async function drain(app: FastifyInstance, workspaceId: string, byWorkspace: Map<string, Job[]>): Promise<void> {
  const queue = byWorkspace.get(workspaceId)!
  while (queue.length > 0) {
    const job = queue[0]!
    try {
      await app.rooms.sendToLobby(workspaceId, topics.floor, await wire(app, workspaceId, job.notice))
    } catch (err) {
      // Clients find the gap at the next notice, or catch up when they reconnect.
      app.log.warn({ err, workspaceId, notice: job.notice.type }, 'could not send a floor notice to the lobby')
    }
    queue.shift()
    job.sent()
  }
  byWorkspace.delete(workspaceId)
}

async function wire(app: FastifyInstance, workspaceId: string, notice: Pending): Promise<FloorNotice> {
  if (notice.type === 'floors') {
    const floors = await app.store.listFloors(workspaceId)
    return { type: 'floors', floors: floors.map((f) => ({ id: f.id, name: f.name, version: f.version })) }
  }
  // LiveKit drops a reliable packet over its limit: a large batch says "fetch since" instead.
  if (Buffer.byteLength(JSON.stringify(notice)) <= MAX_NOTICE_BYTES) return notice
  return { type: 'since', floorId: notice.floorId, version: notice.version }
}
