/**
 * The lobby: one data-only LiveKit connection per signed-in client. This member's presence is its
 * participant (identity = member id, attributes = status and position); everyone else's
 * participants fill the presence store, their attributes, packets and RPCs checked on the way in
 * (peer-input.ts). Movement goes as lossy `move` packets. The server speaks here too, without a
 * participant: occupancy and floor notices.
 */
import { ConnectionState, DisconnectReason, Room, RoomEvent, RpcError, type RemoteParticipant } from 'livekit-client'
import { MAX_PEER_PACKET_BYTES, topics, type FloorNotice, type MovePacket, type PresenceAttributes, type PresenceNotice, type RpcMethod, type RpcRequest } from '../../protocol/presence.ts'
import { MovePacketSchema, OccupancyNoticeSchema, PresenceNoticeSchema, rpcRequestSchemas } from '../../protocol/presence-schemas.ts'
import type { PresenceStore } from '../stores/presence/store.ts'
import type { SocialStore } from '../stores/social/store.ts'
import type { Api } from './api.ts'
import { readFloorNotice } from './floor-notice.ts'
import { connectOptions } from './livekit-options.ts'
import { createLobbySignals, type LobbySignals } from './lobby-signals.ts'
import { receivePartNotice } from './part-notices.ts'
import { createRejections, peerOf, readPacket, readText, type Rejections } from './peer-input.ts'

export interface LobbyDeps {
  api: Api
  workspaceId: string
  presence: PresenceStore
  /** Raised hands and reactions: peers' go in (checked, throttled), this member's own go out. */
  social?: SocialStore
  /** The server's word on a floor-plan change: the batch itself, "fetch since", or the floor list. */
  onFloorNotice(notice: FloorNotice): void
  /** A server-sent packet on the chat topic (issue 12), unread: the chat service checks it. */
  onChat?(payload: Uint8Array): void
  /**
   * A server-sent packet, unread, on the topic of a part that loads on demand: events and groups,
   * companies (issue 13), the board and shelves (issue 14). Its receiver checks it. By default
   * each goes to its part's receiver (part-notices.ts).
   */
  onNotice?(topic: NoticeTopic, payload: Uint8Array): void
  /** LiveKit lost the connection and is retrying by itself (the bar says "Reconnecting…"). */
  onReconnecting?(): void
  /** After a reconnect: notices sent while the connection was down may be lost, so catch up. */
  onResync(): void
  /** A peer's avatar moved (lossy packets while they walk); the numbers are checked, not yet clamped to a floor. */
  onPeerMove(id: string, x: number, y: number): void
  /** The connection dropped for good (not by us): another device took the seat, or it was lost. */
  onLost(why: 'taken-over' | 'lost'): void
}

/** The server's topics whose notices go to a part that loads on demand. */
export const noticeTopics = [topics.community, topics.companies, topics.board, topics.shelf] as const
export type NoticeTopic = (typeof noticeTopics)[number]

/** Answers a peer's RPC, already checked against its request schema; the string is the response payload. */
export type RpcHandler<M extends RpcMethod> = (callerId: string, request: RpcRequest<M>) => Promise<string>

export interface Lobby {
  connect(initial: PresenceAttributes): Promise<void>
  update(patch: Partial<PresenceAttributes>): void
  move(x: number, y: number): void
  /** Handles RPC `method` on this and every later connection; a malformed request is refused unread. */
  handle<M extends RpcMethod>(method: M, handler: RpcHandler<M>): void
  /** Calls RPC `method` on a peer; rejects when they do not answer in `timeoutMs`. */
  call(identity: string, method: RpcMethod, payload: string, timeoutMs?: number): Promise<string>
  disconnect(): Promise<void>
  readonly connected: boolean
  /** What peers sent that was ignored (malformed, unasked-for or too much), by kind. */
  readonly rejections: Rejections
}

/** Attributes that others must see at once; positions may wait for the throttle. */
const URGENT: ReadonlySet<keyof PresenceAttributes> = new Set(['status', 'statusText', 'floor', 'hand'])
const ATTRIBUTE_INTERVAL_MS = 2_000
const LEFT_WHILE_CONNECTING = 'the lobby was left while connecting'
const MOVE_INTERVAL_MS = 100
/** LiveKit's limit for one RPC payload (15 KiB); every request of ours is far smaller. */
const MAX_RPC_PAYLOAD = 15_360
/** The server's occupancy notice lists every occupied room: larger than a peer's packet, still bounded. */
const MAX_OCCUPANCY_BYTES = 256_000

/**
 * The lobby retries every half second for as long as livekit-client's own schedule would (about
 * 40 s), then gives up to the app's reconnect. The default schedule's gaps grow to 7 s: after
 * livekit-server restarted, a lobby that just missed an attempt came back 9-12 s later.
 */
const LOBBY_RECONNECTS = { nextRetryDelayInMs: ({ elapsedMs }: { elapsedMs: number }) => (elapsedMs < 40_000 ? 500 : null) }

export function createLobby(deps: LobbyDeps): Lobby {
  const { presence } = deps
  let room: Room | null = null
  /** Disconnected for good: a connect still on its way (fetching its token, joining) must not land. */
  let closed = false
  let pending: Partial<PresenceAttributes> = {}
  let lastAttributesAt = 0
  let attributesTimer: ReturnType<typeof setTimeout> | null = null
  let lastMoveAt = 0
  let moveTimer: ReturnType<typeof setTimeout> | null = null
  let nextMove: MovePacket | null = null
  const encoder = new TextEncoder()
  const rejections = createRejections()
  let stopSignals: (() => void) | null = null

  const floorNotice = (payload: Uint8Array) => {
    const notice = readFloorNotice(payload)
    if (notice) return deps.onFloorNotice(notice)
    // Ignored, never thrown; the count says whether it is a one-off or a server of another version.
    rejections.note('floor notice', 'the server')
  }

  const flushAttributes = () => {
    attributesTimer = null
    // Kept while connecting or reconnecting: LiveKit refuses attributes then, and they would be lost.
    if (room?.state !== ConnectionState.Connected || Object.keys(pending).length === 0) return
    const attrs = pending as Record<string, string>
    pending = {}
    lastAttributesAt = Date.now()
    room.localParticipant.setAttributes(attrs).catch(() => {
      // Lost in a drop after all; the reconnect says where we are again (onResync).
    })
  }

  const flushNow = () => {
    if (attributesTimer) clearTimeout(attributesTimer)
    flushAttributes()
  }

  const sendMove = () => {
    moveTimer = null
    if (!room || !nextMove) return
    const packet = nextMove
    nextMove = null
    lastMoveAt = Date.now()
    room.localParticipant.publishData(encoder.encode(JSON.stringify(packet)), { reliable: false, topic: topics.move }).catch(() => {})
  }

  const update = (patch: Partial<PresenceAttributes>) => {
    pending = { ...pending, ...patch }
    const urgent = Object.keys(patch).some((k) => URGENT.has(k as keyof PresenceAttributes))
    const wait = urgent ? 0 : Math.max(0, lastAttributesAt + ATTRIBUTE_INTERVAL_MS - Date.now())
    if (attributesTimer) clearTimeout(attributesTimer)
    attributesTimer = setTimeout(flushAttributes, wait)
  }

  const signals: LobbySignals | null = deps.social
    ? createLobbySignals({
        social: deps.social,
        presence,
        rejections,
        update,
        publish: (packet, topic) => void room?.localParticipant.publishData(encoder.encode(JSON.stringify(packet)), { reliable: true, topic }).catch(() => {}),
      })
    : null
  const endSignals = (meId: string | null) => {
    stopSignals?.()
    stopSignals = null
    deps.social?.getState().clearSignals(meId)
  }

  const peerOfParticipant = (p: RemoteParticipant) => {
    signals?.attributes(p.identity, p.attributes)
    return peerOf(p.identity, p.attributes, (key) => rejections.note(`attribute ${key}`, p.identity))
  }
  const setOccupancy = (rooms: Record<string, string[]>) => presence.getState().setOccupancy(rooms)
  /**
   * Occupancy notices received: a snapshot asked for before the latest of them is older news (a
   * room entered while the snapshot was on its way would vanish from the floor until its next
   * change), and every change made since we joined reaches us as a notice of its own.
   */
  let occupancyNotices = 0
  const fetchOccupancy = () => {
    const asked = occupancyNotices
    deps.api.occupancy(deps.workspaceId).then((o) => occupancyNotices === asked && setOccupancy(o.rooms), () => undefined)
  }

  const refreshAll = (r: Room) => {
    // Hands of peers who left while we were away must not linger: rebuilt with the peers.
    deps.social?.getState().clearSignals(r.localParticipant.identity)
    // The live picture replaces whatever the cache remembered, in one step.
    presence.getState().setPeers([...r.remoteParticipants.values()].map(peerOfParticipant))
  }

  /** Only the server sends without a participant; only the server's occupancy, floor, chat, community and company notices are believed. */
  const fromServer = (payload: Uint8Array, topic: string | undefined) => {
    if (topic === topics.occupancy) {
      const notice = readPacket(OccupancyNoticeSchema, payload, MAX_OCCUPANCY_BYTES)
      if (notice) {
        occupancyNotices++
        setOccupancy(notice.rooms)
      } else rejections.note('occupancy notice', 'the server')
    } else if (topic === topics.floor) floorNotice(payload)
    else if (topic === topics.chat) deps.onChat?.(payload)
    else if (noticeTopics.includes(topic as NoticeTopic)) (deps.onNotice ?? receivePartNotice)(topic as NoticeTopic, payload)
  }

  /** A peer may say where its avatar is walking and say goodbye; anything else on the data channel is ignored. */
  const fromPeer = (payload: Uint8Array, from: string, topic: string | undefined) => {
    if (topic === topics.move) {
      const m = readPacket(MovePacketSchema, payload, MAX_PEER_PACKET_BYTES)
      if (m) deps.onPeerMove(from, m.x, m.y)
      else rejections.note('move packet', from)
    } else if (topic === topics.presence) {
      const notice = readPacket(PresenceNoticeSchema, payload, MAX_PEER_PACKET_BYTES)
      if (notice?.type === 'bye') {
        presence.getState().removePeer(from)
        signals?.gone(from)
      } else rejections.note('presence notice', from)
    } else if (topic === topics.reaction && signals) signals.reaction(from, payload)
    else rejections.note(`packet on topic ${String(topic).slice(0, 32)}`, from)
  }

  const wire = (r: Room) => {
    // A peer's LiveKit name is ignored: the lobby token lets it rename itself, so names come from the directory.
    r.on(RoomEvent.ParticipantConnected, (p: RemoteParticipant) => presence.getState().upsertPeer(peerOfParticipant(p)))
      .on(RoomEvent.ParticipantDisconnected, (p: RemoteParticipant) => {
        presence.getState().removePeer(p.identity)
        signals?.gone(p.identity)
      })
      .on(RoomEvent.ParticipantAttributesChanged, (_changed, p) => {
        if (p !== r.localParticipant) presence.getState().upsertPeer(peerOfParticipant(p as RemoteParticipant))
      })
      .on(RoomEvent.DataReceived, (payload, participant, _kind, topic) => {
        if (participant) fromPeer(payload, participant.identity, topic)
        else fromServer(payload, topic)
      })
      .on(RoomEvent.Reconnecting, () => deps.onReconnecting?.())
      .on(RoomEvent.Reconnected, () => {
        refreshAll(r)
        // A LiveKit that restarted lost our attributes; onResync says where we are, this says our hand.
        if (signals) update({ hand: signals.ownHand(r.localParticipant.identity) })
        deps.onResync()
        // Whatever changed while the connection was down waited; it goes now, not at the next change.
        flushNow()
        fetchOccupancy()
      })
      .on(RoomEvent.Disconnected, (reason) => {
        // A join that fails ends here too, before connect() rejects: the rejection is what says so
        // (once), and the cached presence painted at start stays.
        if (room !== r || joining === r) return
        room = null
        endSignals(r.localParticipant.identity)
        window.removeEventListener('pagehide', sayGoodbye)
        releaseAudio()
        presence.getState().clearPeers()
        deps.onLost(reason === DisconnectReason.DUPLICATE_IDENTITY ? 'taken-over' : 'lost')
      })
  }

  const sayGoodbye = () => {
    // A clean quit: tell everyone now rather than when LiveKit's leave broadcast gets there.
    room?.localParticipant.publishData(encoder.encode(JSON.stringify({ type: 'bye' } satisfies PresenceNotice)), { reliable: true, topic: topics.presence }).catch(() => {})
  }

  const handlers = new Map<RpcMethod, RpcHandler<RpcMethod>>()
  const register = (r: Room, method: RpcMethod, handler: RpcHandler<RpcMethod>) =>
    r.registerRpcMethod(method, (data) => {
      const request = readText(rpcRequestSchemas[method], data.payload, MAX_RPC_PAYLOAD)
      if (request) return handler(data.callerIdentity, request)
      rejections.note(`${method} request`, data.callerIdentity)
      // An answer rather than silence, so the caller does not wait out its timeout.
      return Promise.reject(new RpcError(1400, 'malformed request'))
    })

  /**
   * The lobby carries data, never sound. livekit-client opens an AudioContext for every room it
   * connects, and a running one keeps the audio output thread awake all day: measured at an idle
   * desk, 0.45 % of a core, the largest share of the renderer's idle CPU. So the lobby hands LiveKit
   * a context of its own (webAudioMix: the app owns it then) and suspends it once connected. One
   * for the service's life, closed when it ends (left, lost or failed to join: the office makes a
   * new lobby for its next attempt, every few seconds all day while LiveKit cannot be reached), as
   * LiveKit leaves a context it was handed alone. A page may run only a few AudioContexts at once.
   */
  let silent: AudioContext | null = null
  const lobbyAudio = () => (typeof AudioContext === 'function' ? (silent ??= new AudioContext()) : null)
  const releaseAudio = () => {
    void silent?.close().catch(() => undefined)
    silent = null
  }
  /** The room whose join is under way: its Disconnected is the join failing, not a loss. */
  let joining: Room | null = null

  return {
    get connected() {
      return room !== null
    },
    rejections,
    async connect(initial) {
      const { url, token } = await deps.api.lobbyToken(deps.workspaceId)
      // Left (signed out, gone to sleep, reconnecting) while the token was on its way: joining now
      // would seat a member nobody holds in the lobby, seen online by all until the window closes.
      if (closed) throw new Error(LEFT_WHILE_CONNECTING)
      const audioContext = lobbyAudio()
      const r = new Room({
        adaptiveStream: false,
        dynacast: false,
        disconnectOnPageLeave: true,
        reconnectPolicy: LOBBY_RECONNECTS,
        ...(audioContext ? { webAudioMix: { audioContext } } : {}),
      })
      wire(r)
      for (const [method, handler] of handlers) register(r, method, handler)
      room = r
      joining = r
      window.addEventListener('pagehide', sayGoodbye)
      try {
        await r.connect(url, token, { ...connectOptions(url), autoSubscribe: false })
      } catch (err) {
        room = null
        window.removeEventListener('pagehide', sayGoodbye)
        releaseAudio()
        throw err
      } finally {
        joining = null
        // LiveKit resumed it to test playback while connecting; nothing plays in the lobby. Also after
        // a failed connect: offline, a retry a second fails all day and must not keep audio awake.
        void audioContext?.suspend().catch(() => undefined)
      }
      if (closed) {
        // Left while joining, and LiveKit finished the join all the same.
        void r.disconnect()
        throw new Error(LEFT_WHILE_CONNECTING)
      }
      // Setting attributes right away makes LiveKit announce us at once instead of in its 3 s batch.
      // What changed while we connected (a walk into a room) is newer than `initial` and wins.
      const me = r.localParticipant.identity
      pending = { ...initial, ...pending, ...(signals ? { hand: signals.ownHand(me) } : {}) }
      flushNow()
      stopSignals = signals?.start(me) ?? null
      // LiveKit batches the joins and leaves of participants that publish nothing (up to 3 s).
      // Publishing a data track makes this participant a publisher, so that a clean quit (and a
      // crash, once LiveKit notices) reaches everyone at once.
      r.localParticipant.publishDataTrack({ name: 'presence' }).catch(() => undefined)
      refreshAll(r)
      // Notices sent before we joined are lost to us: start from the server's current picture.
      fetchOccupancy()
    },
    update,
    move(x, y) {
      nextMove = { x: Math.max(0, Math.round(x)), y: Math.max(0, Math.round(y)) }
      if (moveTimer) return
      moveTimer = setTimeout(sendMove, Math.max(0, lastMoveAt + MOVE_INTERVAL_MS - Date.now()))
    },
    handle(method, handler) {
      const any = handler as RpcHandler<RpcMethod>
      handlers.set(method, any)
      if (room) register(room, method, any)
    },
    call(identity, method, payload, timeoutMs = 15_000) {
      if (!room) return Promise.reject(new Error('not connected'))
      return room.localParticipant.performRpc({ destinationIdentity: identity, method, payload, responseTimeout: timeoutMs })
    },
    async disconnect() {
      closed = true
      const r = room
      room = null
      window.removeEventListener('pagehide', sayGoodbye)
      if (attributesTimer) clearTimeout(attributesTimer)
      if (moveTimer) clearTimeout(moveTimer)
      endSignals(r?.localParticipant.identity ?? null)
      if (!r) return releaseAudio()
      await r.localParticipant
        .publishData(encoder.encode(JSON.stringify({ type: 'bye' } satisfies PresenceNotice)), { reliable: true, topic: topics.presence })
        .catch(() => {})
      await r.disconnect()
      releaseAudio()
      presence.getState().clearPeers()
    },
  }
}
