/**
 * How presence rides on LiveKit: room names, participant attribute keys, data topics and limits.
 * A member's presence is their participant in the workspace lobby (identity = member id).
 */
import type { MemberId, RoomId, WorkspaceId } from './floor/records.ts'

export const lobbyRoomName = (workspaceId: WorkspaceId): string => `${workspaceId}.lobby`
export const mediaRoomName = (workspaceId: WorkspaceId, roomId: RoomId): string => `${workspaceId}.${roomId}`

export const statuses = ['available', 'busy', 'away', 'dnd'] as const
export type Status = (typeof statuses)[number]

/** Participant attributes of a lobby participant. All values are strings (LiveKit attributes). */
export interface PresenceAttributes {
  status: Status
  statusText: string
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
} as const

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

export type Identity = MemberId
