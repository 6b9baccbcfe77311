/**
 * The lobby: one data-only LiveKit connection per signed-in client. This member's presence is its
 * participant (identity = member id, attributes = status, floor, desk, room, resting position);
 * everyone else's participants fill the presence store. Movement goes as lossy `move` packets.
 */
import { DisconnectReason, Room, RoomEvent, type Participant, type RemoteParticipant } from 'livekit-client'
import { statuses, topics, type FloorNotice, type MovePacket, type OccupancyNotice, type PresenceAttributes, type PresenceNotice, type Status } from '../../protocol/presence.ts'
import type { PresenceStore, Peer } from '../stores/presence/store.ts'
import type { Api } from './api.ts'
import { readFloorNotice } from './floor-notice.ts'
import { connectOptions } from './livekit-options.ts'

export interface LobbyDeps {
  api: Api
  workspaceId: string
  presence: PresenceStore
  /** The server's word on a floor-plan change: the batch itself, "fetch since", or the floor list. */
  onFloorNotice(notice: FloorNotice): void
  /** After a reconnect: notices sent while the connection was down may be lost, so catch up. */
  onResync(): void
  /** A peer's avatar moved (lossy packets while they walk). */
  onPeerMove(id: string, x: number, y: number): void
  /** The connection dropped for good (not by us): another device took the seat, or it was lost. */
  onLost(why: 'taken-over' | 'lost'): void
}

/** Answers an RPC from a peer; the string is the response payload. */
export type RpcHandler = (callerId: string, payload: string) => Promise<string>

export interface Lobby {
  connect(initial: PresenceAttributes): Promise<void>
  update(patch: Partial<PresenceAttributes>): void
  move(x: number, y: number): void
  /** Handles RPC `method` on this and every later connection. */
  handle(method: string, handler: RpcHandler): void
  /** Calls RPC `method` on a peer; rejects when they do not answer in `timeoutMs`. */
  call(identity: string, method: string, payload: string, timeoutMs?: number): Promise<string>
  disconnect(): Promise<void>
  readonly connected: boolean
}

/** Attributes that others must see at once; positions may wait for the throttle. */
const URGENT: ReadonlySet<keyof PresenceAttributes> = new Set(['status', 'statusText', 'room', 'desk', 'floor'])
const ATTRIBUTE_INTERVAL_MS = 2_000
const MOVE_INTERVAL_MS = 100

const asStatus = (s: string | undefined): Status => (statuses as readonly string[]).includes(s ?? '') ? (s as Status) : 'available'

export function peerOf(p: Participant): Peer {
  const a = p.attributes
  return {
    id: p.identity,
    name: p.name || p.identity,
    status: asStatus(a.status),
    statusText: a.statusText ?? '',
    statusUntil: Number(a.statusUntil || 0),
    floor: a.floor ?? '',
    desk: a.desk ?? '',
    room: a.room ?? '',
    x: Number(a.x ?? 0),
    y: Number(a.y ?? 0),
  }
}

export function createLobby(deps: LobbyDeps): Lobby {
  const { presence } = deps
  let room: Room | null = null
  let pending: Partial<PresenceAttributes> = {}
  let lastAttributesAt = 0
  let attributesTimer: ReturnType<typeof setTimeout> | null = null
  let lastMoveAt = 0
  let moveTimer: ReturnType<typeof setTimeout> | null = null
  let nextMove: MovePacket | null = null
  const encoder = new TextEncoder()
  const decoder = new TextDecoder()
  let malformedNotices = 0

  const floorNotice = (payload: Uint8Array) => {
    const notice = readFloorNotice(payload)
    if (notice) return deps.onFloorNotice(notice)
    // Ignored, never thrown; the count says whether it is a one-off or a server of another version.
    console.warn(`ignored a malformed floor notice (${++malformedNotices} so far)`)
  }

  const flushAttributes = () => {
    attributesTimer = null
    if (!room || Object.keys(pending).length === 0) return
    const attrs = pending as Record<string, string>
    pending = {}
    lastAttributesAt = Date.now()
    room.localParticipant.setAttributes(attrs).catch(() => {
      // Lost while disconnected; the next connect sends the full state again.
    })
  }

  const sendMove = () => {
    moveTimer = null
    if (!room || !nextMove) return
    const packet = nextMove
    nextMove = null
    lastMoveAt = Date.now()
    room.localParticipant.publishData(encoder.encode(JSON.stringify(packet)), { reliable: false, topic: topics.move }).catch(() => {})
  }

  const refreshAll = (r: Room) => {
    presence.getState().clearPeers()
    for (const p of r.remoteParticipants.values()) presence.getState().upsertPeer(peerOf(p))
    // The live picture replaces whatever the cache remembered.
    presence.getState().remember(0, [])
  }

  const wire = (r: Room) => {
    r.on(RoomEvent.ParticipantConnected, (p: RemoteParticipant) => presence.getState().upsertPeer(peerOf(p)))
      .on(RoomEvent.ParticipantDisconnected, (p: RemoteParticipant) => presence.getState().removePeer(p.identity))
      .on(RoomEvent.ParticipantAttributesChanged, (_changed, p) => {
        if (p !== r.localParticipant) presence.getState().upsertPeer(peerOf(p))
      })
      .on(RoomEvent.ParticipantNameChanged, (_name, p) => {
        if (p !== r.localParticipant) presence.getState().upsertPeer(peerOf(p))
      })
      .on(RoomEvent.DataReceived, (payload, participant, _kind, topic) => {
        // Only the server sends without a participant; only the server's occupancy is believed.
        if (!participant) {
          if (topic === topics.occupancy) presence.getState().setOccupancy((JSON.parse(decoder.decode(payload)) as OccupancyNotice).rooms)
          else if (topic === topics.floor) floorNotice(payload)
          return
        }
        if (topic === topics.move) {
          const m = JSON.parse(decoder.decode(payload)) as MovePacket
          if (Number.isFinite(m.x) && Number.isFinite(m.y)) deps.onPeerMove(participant.identity, m.x, m.y)
        } else if (topic === topics.presence) {
          const notice = JSON.parse(decoder.decode(payload)) as PresenceNotice
          if (notice.type === 'bye') presence.getState().removePeer(participant.identity)
        }
      })
      .on(RoomEvent.Reconnected, () => {
        refreshAll(r)
        deps.onResync()
        deps.api.occupancy(deps.workspaceId).then((o) => presence.getState().setOccupancy(o.rooms), () => undefined)
      })
      .on(RoomEvent.Disconnected, (reason) => {
        if (room !== r) return
        room = null
        presence.getState().clearPeers()
        deps.onLost(reason === DisconnectReason.DUPLICATE_IDENTITY ? 'taken-over' : 'lost')
      })
  }

  const sayGoodbye = () => {
    // A clean quit: tell everyone now rather than when LiveKit's leave broadcast gets there.
    room?.localParticipant.publishData(encoder.encode(JSON.stringify({ type: 'bye' } satisfies PresenceNotice)), { reliable: true, topic: topics.presence }).catch(() => {})
  }

  const handlers = new Map<string, RpcHandler>()
  const register = (r: Room, method: string, handler: RpcHandler) =>
    r.registerRpcMethod(method, (data) => handler(data.callerIdentity, data.payload))

  return {
    get connected() {
      return room !== null
    },
    async connect(initial) {
      const { url, token } = await deps.api.lobbyToken(deps.workspaceId)
      const r = new Room({ adaptiveStream: false, dynacast: false, disconnectOnPageLeave: true })
      wire(r)
      for (const [method, handler] of handlers) register(r, method, handler)
      room = r
      window.addEventListener('pagehide', sayGoodbye)
      try {
        await r.connect(url, token, { ...connectOptions(url), autoSubscribe: false })
      } catch (err) {
        room = null
        window.removeEventListener('pagehide', sayGoodbye)
        throw err
      }
      // Setting attributes right away makes LiveKit announce us at once instead of in its 3 s batch.
      pending = { ...initial }
      flushAttributes()
      // LiveKit batches the joins and leaves of participants that publish nothing (up to 3 s).
      // Publishing a data track makes this participant a publisher, so that a clean quit (and a
      // crash, once LiveKit notices) reaches everyone at once.
      r.localParticipant.publishDataTrack({ name: 'presence' }).catch(() => undefined)
      refreshAll(r)
      // Notices sent before we joined are lost to us: start from the server's current picture.
      deps.api.occupancy(deps.workspaceId).then((o) => presence.getState().setOccupancy(o.rooms), () => undefined)
    },
    update(patch) {
      pending = { ...pending, ...patch }
      const urgent = Object.keys(patch).some((k) => URGENT.has(k as keyof PresenceAttributes))
      const wait = urgent ? 0 : Math.max(0, lastAttributesAt + ATTRIBUTE_INTERVAL_MS - Date.now())
      if (attributesTimer) clearTimeout(attributesTimer)
      attributesTimer = setTimeout(flushAttributes, wait)
    },
    move(x, y) {
      nextMove = { x: Math.round(x), y: Math.round(y) }
      if (moveTimer) return
      moveTimer = setTimeout(sendMove, Math.max(0, lastMoveAt + MOVE_INTERVAL_MS - Date.now()))
    },
    handle(method, handler) {
      handlers.set(method, handler)
      if (room) register(room, method, handler)
    },
    call(identity, method, payload, timeoutMs = 15_000) {
      if (!room) return Promise.reject(new Error('not connected'))
      return room.localParticipant.performRpc({ destinationIdentity: identity, method, payload, responseTimeout: timeoutMs })
    },
    async disconnect() {
      const r = room
      room = null
      window.removeEventListener('pagehide', sayGoodbye)
      if (attributesTimer) clearTimeout(attributesTimer)
      if (moveTimer) clearTimeout(moveTimer)
      if (!r) return
      await r.localParticipant
        .publishData(encoder.encode(JSON.stringify({ type: 'bye' } satisfies PresenceNotice)), { reliable: true, topic: topics.presence })
        .catch(() => {})
      await r.disconnect()
      presence.getState().clearPeers()
    },
  }
}
