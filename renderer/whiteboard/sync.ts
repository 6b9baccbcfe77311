/**
 * A room's whiteboard between the people in the room: each sends the elements it changed as a
 * LiveKit text stream on the room's connection (topic `whiteboard`; streams carry any size, in
 * chunks), at most every SEND_EVERY_MS while drawing; each merges what it receives
 * (protocol/whiteboard.ts, the newer version of an element wins). Someone who comes in is sent the
 * whole board by everyone who has it open, so strokes not yet saved reach them too.
 *
 * A peer's packet is a drawing, never an instruction: it is read only up to MAX_BOARD_BYTES,
 * checked against its schema, and taken at most PEER_PACKETS per second from each peer; whatever
 * fails is dropped and counted.
 */
import { RoomEvent, type RemoteParticipant, type Room, type TextStreamReader } from 'livekit-client'
import { Value } from 'typebox/value'
import { MAX_BOARD_BYTES, WHITEBOARD_TOPIC, WhiteboardPacketSchema, type Element } from '../../protocol/whiteboard.ts'
import { createPeerThrottle } from '../stores/social/throttle.ts'

/** How often a drawing member sends what changed: a stroke reaches the others well within 100 ms. */
export const SEND_EVERY_MS = 30
/** Packets a second one peer may send before the rest are dropped (a drag sends about 30). */
const PEER_PACKETS = 60

export interface BoardSync {
  /** The board as it is here now; only elements whose version grew since the last call are sent. */
  changed(elements: readonly Element[]): void
  /** Stops sending and receiving. */
  stop(): void
  /** Peers' packets dropped (too large, malformed, or too many). */
  readonly dropped: number
}

export function createBoardSync(room: Room, opts: { onRemote(elements: Element[], from: string): void; current(): readonly Element[] }): BoardSync {
  const sent = new Map<string, number>()
  const throttle = createPeerThrottle(PEER_PACKETS, 1_000)
  let pending: readonly Element[] | null = null
  let timer: ReturnType<typeof setTimeout> | null = null
  let lastSend = 0
  let stopped = false
  let dropped = 0

  const send = (elements: readonly Element[], to?: string[]) => {
    if (elements.length === 0 || stopped) return
    const text = JSON.stringify({ elements })
    // Uncompressed: a change is small, and compressing it costs the time the stroke is waited for.
    void room.localParticipant.sendText(text, { topic: WHITEBOARD_TOPIC, compress: false, ...(to ? { destinationIdentities: to } : {}) }).catch(() => undefined)
  }

  const flush = () => {
    timer = null
    if (!pending) return
    const changes = pending.filter((e) => (sent.get(e.id) ?? -1) < e.version)
    pending = null
    for (const e of changes) sent.set(e.id, e.version)
    lastSend = performance.now()
    send(changes)
  }

  const receive = async (reader: TextStreamReader, { identity }: { identity: string }) => {
    if (!throttle.allow(identity) || (reader.info.size ?? 0) > MAX_BOARD_BYTES) return void dropped++
    let text = ''
    for await (const chunk of reader) {
      text += chunk
      if (text.length > MAX_BOARD_BYTES) return void dropped++
    }
    let packet: unknown
    try {
      packet = JSON.parse(text)
    } catch {
      return void dropped++
    }
    if (stopped || !Value.Check(WhiteboardPacketSchema, packet)) return void dropped++
    // What came in is not sent back out: it is where the sender already is.
    for (const e of packet.elements) if ((sent.get(e.id) ?? -1) < e.version) sent.set(e.id, e.version)
    opts.onRemote(packet.elements, identity)
  }

  const welcome = (p: RemoteParticipant) => send(opts.current(), [p.identity])

  room.registerTextStreamHandler(WHITEBOARD_TOPIC, (reader, info) => void receive(reader, info).catch(() => dropped++))
  room.on(RoomEvent.ParticipantConnected, welcome)
  // Those already in the room may have strokes not saved yet: each sends its board to the newcomer.
  for (const e of opts.current()) sent.set(e.id, e.version)

  return {
    changed(elements) {
      pending = elements
      if (timer) return
      timer = setTimeout(flush, Math.max(0, SEND_EVERY_MS - (performance.now() - lastSend)))
    },
    stop() {
      stopped = true
      if (timer) clearTimeout(timer)
      room.off(RoomEvent.ParticipantConnected, welcome)
      room.unregisterTextStreamHandler(WHITEBOARD_TOPIC)
    },
    get dropped() {
      return dropped
    },
  }
}

