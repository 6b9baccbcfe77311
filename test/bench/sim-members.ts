/**
 * Simulated members for the presence benchmarks: real LiveKit participants in a workspace's lobby,
 * many `@livekit/rtc-node` Rooms in one process, with lobby tokens minted by the server's own rule
 * (server/livekit/tokens.ts). They announce attributes the way the renderer's lobby service does.
 * Runs inside the crowd's child process (sim-crowd-child.ts), never in the benchmark's own process.
 */
import type { EventEmitter } from 'node:events'
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { ContinualGatheringPolicy, FfiEvent, IceServer, IceTransportType, livekitInitialize } from '@livekit/rtc-ffi-bindings'
import { Room } from '@livekit/rtc-node'
import type { PresenceAttributes } from '../../protocol/presence.ts'
import type { LivekitConfig } from '../../server/livekit/config.ts'
import { hashSecret } from '../../server/auth/tokens.ts'
import { lobbyToken } from '../../server/livekit/tokens.ts'

interface RoutedEvent {
  message: { case: string | undefined; value: { roomHandle?: bigint } }
}
interface RoomInternals {
  onFfiEvent?: (ev: RoutedEvent) => void
  ffiHandle?: { handle: bigint }
}

/**
 * rtc-node hands every FFI event to every Room in the process, and each Room takes an async lock
 * before it even looks at the room handle: with N Rooms that is N lock round-trips per event and
 * N² events while N members join, which pins the load generator's main thread at about 100 Rooms
 * (measured: 80 Rooms, 12 of 19 s of CPU in `Room.onFfiEvent`). This routes room events by handle
 * instead, through one listener; each Room still processes exactly the events it did before.
 * It reaches into rtc-node's internals, so it is used only when they look as expected.
 */
const routes = new Map<bigint, (ev: RoutedEvent) => void>()
let dispatcher: ((ev: RoutedEvent) => void) | null = null

function routeByHandle(room: Room): (() => void) | null {
  const ffi = (globalThis as { _ffiClientInstance?: EventEmitter })._ffiClientInstance
  const internals = room as unknown as RoomInternals
  const handle = internals.ffiHandle?.handle
  const own = internals.onFfiEvent
  if (!ffi || typeof handle !== 'bigint' || typeof own !== 'function' || !ffi.listeners('ffi_event').includes(own)) return null
  if (!dispatcher) {
    dispatcher = (ev) => {
      if (ev.message.case === 'roomEvent') routes.get(ev.message.value.roomHandle!)?.(ev)
      else if (ev.message.case === 'rpcMethodInvocation') for (const route of routes.values()) route(ev)
    }
    ffi.on('ffi_event', dispatcher)
  }
  ffi.off('ffi_event', own)
  routes.set(handle, own)
  return () => routes.delete(handle)
}

let quiet = false
/**
 * rtc-node asks the native side to forward every Rust and libwebrtc log record to JavaScript, at
 * debug level and with no filter in this version: with 100 Rooms idle that is about 90,000 records
 * a second (libwebrtc re-enumerating networks per PeerConnection), a full core spent formatting
 * and decoding logs nobody reads. This initialises the native side again with the same event
 * callback as rtc-node's FfiClient, but without log capture (records then go to env_logger,
 * which prints nothing unless RUST_LOG asks).
 */
function stopLogCapture(): void {
  const ffi = (globalThis as { _ffiClientInstance?: EventEmitter })._ffiClientInstance
  if (quiet || !ffi) return
  const entry = createRequire(import.meta.url).resolve('@livekit/rtc-node')
  const { version } = JSON.parse(readFileSync(join(dirname(entry), '..', 'package.json'), 'utf8')) as { version: string }
  livekitInitialize((data) => void ffi.emit('ffi_event', FfiEvent.fromBinary(data)), false, version)
  quiet = true
}

/**
 * ICE for a member on this machine. With no ICE servers of its own, rtc-node takes the ones in
 * LiveKit's join response, and livekit-server advertises public STUN servers (Twilio, Google) by
 * default: the members would look those up and send them packets. A STUN "server" on the SFU's own
 * loopback address keeps every packet on this machine. Gathering once rather than continually
 * (rtc-node's default) spares hundreds of connections from gathering candidates over and over.
 */
const rtcConfig = (url: string) => ({
  iceTransportType: IceTransportType.TRANSPORT_ALL,
  continualGatheringPolicy: ContinualGatheringPolicy.GATHER_ONCE,
  iceServers: [new IceServer({ urls: [`stun:${new URL(url).host}`] })],
})

export interface SimSpec {
  id: string
  name: string
  /** Their session token: the lobby token is issued to that session, as the server's route does. */
  token: string
  attributes: PresenceAttributes
  /** The LiveKit node this member connects through, when not the crowd's (a cluster's other node). */
  url?: string
}

export interface SimMember {
  room: Room
  unroute: (() => void) | null
}

export interface JoinResult {
  /** Members in the lobby now, from every join so far. */
  count: number
  /** The first connect error, verbatim, when not everyone got in. */
  failed: string | null
  connectMs: number
  /** Whether events are routed by handle (see routeByHandle). */
  routed: boolean
}

/** The simulated members of one lobby, in the order they were asked to join. */
export function createCrowd(livekit: LivekitConfig, workspaceId: string) {
  const members: SimMember[] = []
  let routed = true
  return {
    members,
    /**
     * Connects every member in `specs`, at most `concurrency` connects in flight. Stops starting
     * new ones at the first failure or once `deadlineMs` has passed, and says so in `failed`.
     */
    async join(specs: SimSpec[], concurrency: number, deadlineMs: number): Promise<JoinResult> {
      const joined: (SimMember | undefined)[] = new Array(specs.length)
      let failed: string | null = null
      let next = 0
      const started = performance.now()
      const one = async (i: number) => {
        const spec = specs[i]!
        const token = await lobbyToken(livekit, { workspaceId, memberId: spec.id, name: spec.name, session: hashSecret(spec.token) })
        const room = new Room()
        const url = spec.url ?? livekit.url
        await room.connect(url, token, { autoSubscribe: false, dynacast: false, rtcConfig: rtcConfig(url) })
        stopLogCapture()
        const unroute = routeByHandle(room)
        if (!unroute) routed = false
        joined[i] = { room, unroute }
        await room.localParticipant!.setAttributes({ ...spec.attributes })
      }
      const worker = async () => {
        while (failed === null && next < specs.length) {
          if (performance.now() - started > deadlineMs) {
            failed ??= `stopped after ${Math.round(deadlineMs / 1000)} s with ${members.length + joined.filter(Boolean).length} members connected (connects too slow on this machine now)`
            return
          }
          const i = next++
          try {
            await one(i)
          } catch (err) {
            failed ??= `member ${members.length + i + 1}: ${(err as Error).message}`
          }
        }
      }
      await Promise.all(Array.from({ length: Math.max(1, concurrency) }, worker))
      for (const m of joined) if (m) members.push(m)
      return { count: members.length, failed, connectMs: performance.now() - started, routed }
    },
    async leave(): Promise<void> {
      // In batches: hundreds of simultaneous leaves make the SFU's broadcast storm the slowest part.
      const all = members.splice(0)
      for (let i = 0; i < all.length; i += 25) {
        await Promise.allSettled(
          all.slice(i, i + 25).map(async (m) => {
            await m.room.disconnect()
            m.unroute?.()
          }),
        )
      }
    },
  }
}
export type Crowd = ReturnType<typeof createCrowd>
