/**
 * How presence rides on LiveKit: room names, participant attribute keys, data topics and limits.
 * A member's presence is their participant in the workspace lobby (identity = member id).
 */
import type { FloorSummary } from './api.ts'
import type { FloorOp } from './floor/ops.ts'
import type { FloorId, MemberId, RoomId, WorkspaceId } from './floor/records.ts'

export const lobbyRoomName = (workspaceId: WorkspaceId): string => `${workspaceId}.lobby`
export const mediaRoomName = (workspaceId: WorkspaceId, roomId: RoomId): string => `${workspaceId}.${roomId}`

export const statuses = ['available', 'busy', 'away', 'dnd'] as const
export type Status = (typeof statuses)[number]

/** Participant attributes of a lobby participant. All values are strings (LiveKit attributes). */
export interface PresenceAttributes {
  status: Status
  /** Free text, often starting with an emoji: "🌴 back Monday". */
  statusText: string
  /** When the status ends (epoch ms as a string), or '' for never. */
  statusUntil: string
  /** The floor the member stands on. */
  floor: string
  desk: string
  /** The room the member is in, or '' when outside every room. */
  room: string
  /** Resting position, integer floor units. */
  x: string
  y: string
}

export const topics = {
  /** Lossy avatar movement while walking. */
  move: 'move',
  /** Reliable presence notices such as a clean goodbye. */
  presence: 'presence',
  /** Server-sent: who is in which media room, as LiveKit reports it. */
  occupancy: 'occupancy',
  /** Server-sent: floor-plan changes, carrying the change itself (see FloorNotice). */
  floor: 'floor',
} as const

/** Peer-to-peer requests, as LiveKit RPC methods on the lobby room. */
export const rpcMethods = {
  /** Someone at the door of a room asks the people inside (or its owner) to let them in. */
  knock: 'office.knock',
  /** A wave: "come and talk"; the answer is an acknowledgement. */
  wave: 'office.wave',
  /** After a wave between two desks: "meet me in this room". */
  meet: 'office.meet',
} as const

export interface KnockRequest {
  roomId: RoomId
}
export interface KnockAnswer {
  answer: 'admitted' | 'declined'
}
export interface WaveRequest {
  /** The room the waver is in, or null when at their desk. */
  roomId: RoomId | null
}
export interface MeetRequest {
  roomId: RoomId
}

/** How long a knock waits for someone inside to answer. */
export const KNOCK_TIMEOUT_MS = 60_000

/** Reliable notices on the `presence` topic. */
export type PresenceNotice = { type: 'bye' }

/** The server's occupancy notice: every occupied room of the workspace and its members. */
export interface OccupancyNotice {
  rooms: Record<RoomId, MemberId[]>
}

export interface MovePacket {
  x: number
  y: number
}

/**
 * The server's floor notices on the `floor` topic, in the order the edits were applied:
 * - `batch`: an applied edit batch itself; a client holding `version - 1` applies it with applyBatch;
 * - `since`: a batch too large for one reliable packet (about 15 KiB): fetch `ops?since=`;
 * - `floors`: the list of floors changed (added, removed, reordered).
 * A client that finds a gap (it holds neither `version - 1` nor `version`) fetches `ops?since=`.
 */
export type FloorNotice =
  | { type: 'batch'; floorId: FloorId; version: number; batchId: string; ops: FloorOp[] }
  | { type: 'since'; floorId: FloorId; version: number }
  | { type: 'floors'; floors: FloorSummary[] }

/** LiveKit's limit for one reliable data packet is about 15 KiB; larger batches go as `since`. */
export const MAX_NOTICE_BYTES = 14_000
