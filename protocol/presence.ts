/**
 * How presence rides on LiveKit: room names, participant attribute keys, data topics and limits.
 * A member's presence is their participant in the workspace lobby (identity = member id).
 *
 * Trust: LiveKit vouches for a participant's identity and nothing else. A peer's name, attributes,
 * data packets and RPC payloads are its own claims: presence-schemas.ts bounds them, and a client
 * ignores (and counts) whatever does not match. Names come from the member directory and who is
 * in which room from the server's occupancy, never from a peer. The wire types below are those
 * schemas' static types; this file itself imports no TypeBox, so that code needing only a constant
 * (the first paint of the client) does not load the schema builder.
 */
import type { Static } from 'typebox'
import type { FloorSummary } from './api.ts'
import type { FloorOp } from './floor/ops.ts'
import type { FloorId, MemberId, RoomId, WorkspaceId } from './floor/records.ts'
import type {
  KnockAnswerSchema, KnockRequestSchema, MeetRequestSchema, MovePacketSchema, PresenceAttributesSchema, PresenceNoticeSchema, ReactionPacketSchema, rpcRequestSchemas, WaveRequestSchema,
} from './presence-schemas.ts'

export const lobbyRoomName = (workspaceId: WorkspaceId): string => `${workspaceId}.lobby`
export const mediaRoomName = (workspaceId: WorkspaceId, roomId: RoomId): string => `${workspaceId}.${roomId}`

export const statuses = ['available', 'busy', 'away', 'dnd'] as const
export type Status = (typeof statuses)[number]

/** The longest status text a member may set, and a peer's that a client accepts. */
export const MAX_STATUS_TEXT = 100

/**
 * The attributes a lobby participant declares about itself: position (floor, resting x/y) and
 * status, nothing else. All values are strings (LiveKit attributes). See PresenceAttributesSchema.
 */
export type PresenceAttributes = Static<typeof PresenceAttributesSchema>

export const topics = {
  /** Lossy avatar movement while walking. */
  move: 'move',
  /** Reliable presence notices such as a clean goodbye. */
  presence: 'presence',
  /** Server-sent: who is in which media room, as LiveKit reports it. */
  occupancy: 'occupancy',
  /** Server-sent: floor-plan changes, carrying the change itself (see FloorNotice). */
  floor: 'floor',
  /** Reliable: an emoji reaction in a call (see ReactionPacket). */
  reaction: 'reaction',
  /** Server-sent, to the readers only: chat messages and conversation changes (protocol/chat.ts ChatNotice). */
  chat: 'chat',
  /** Server-sent: events and interest groups as they change (protocol/community.ts CommunityNotice). */
  community: 'community',
  /** Server-sent: a company as it is after a change, or gone (protocol/companies.ts CompanyNotice). */
  companies: 'companies',
  /** Server-sent: a member's working-on line and tasks as they are after a change (protocol/board.ts BoardNotice). */
  board: 'board',
  /** Server-sent, to those who may see the place: shelf items and comments as they change (protocol/shelf.ts ShelfNotice). */
  shelf: 'shelf',
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

export type KnockRequest = Static<typeof KnockRequestSchema>
export type KnockAnswer = Static<typeof KnockAnswerSchema>
/** A wave carries nothing: where the waver is comes from the server's occupancy when it is answered. */
export type WaveRequest = Static<typeof WaveRequestSchema>
/** The answer to this client's own wave: "meet me in this room". Accepted only within WAVE_ANSWER_MS of it. */
export type MeetRequest = Static<typeof MeetRequestSchema>
export type RpcMethod = (typeof rpcMethods)[keyof typeof rpcMethods]
export type RpcRequest<M extends RpcMethod> = Static<(typeof rpcRequestSchemas)[M]>

/** How long after waving at someone their `meet` is taken as the answer. */
export const WAVE_ANSWER_MS = 60_000
/** Prompts and notifications one peer may cause in PEER_PROMPT_WINDOW_MS; more are dropped (and knocks declined). */
export const PEER_PROMPT_LIMIT = 3
export const PEER_PROMPT_WINDOW_MS = 60_000

/** How long a knock waits for someone inside to answer. */
export const KNOCK_TIMEOUT_MS = 60_000

/** Reliable notices on the `presence` topic. */
export type PresenceNotice = Static<typeof PresenceNoticeSchema>

/** The server's occupancy notice: every occupied room of the workspace and its members. */
export interface OccupancyNotice {
  rooms: Record<RoomId, MemberId[]>
}

/** A lossy movement packet: where the avatar is now, within the largest floor. */
export type MovePacket = Static<typeof MovePacketSchema>

/**
 * The reactions a member can send from a call, and the only ones a client shows: a fixed set, so a
 * peer cannot put text of its own on everyone's screen.
 */
export const reactions = ['👍', '👏', '❤️', '😂', '🎉', '😮'] as const
export type Reaction = (typeof reactions)[number]
/** A reaction, on the reliable `reaction` topic of the lobby; shown only for a sender the server has in a room. */
export type ReactionPacket = Static<typeof ReactionPacketSchema>
/** How long a reaction shows on the avatar and in the call before it fades. */
export const REACTION_SHOW_MS = 4_000
/** Reactions one peer may show in REACTION_WINDOW_MS; more are dropped (and the sender's own button waits). */
export const REACTION_LIMIT = 5
export const REACTION_WINDOW_MS = 10_000
/** A reaction packet is about 20 bytes; anything over this is refused unread. */
export const MAX_REACTION_BYTES = 64

/** The largest packet a peer may send on `move` or `presence`; anything longer is refused unread. */
export const MAX_PEER_PACKET_BYTES = 256

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
