/**
 * The shared frame of an integration file about rooms: one stack for the file (livekit-server and
 * the server, plain or with a clock the test moves), an HTTP client for it, and every LiveKit
 * participant the tests put in a room disconnected at the end.
 */
import type { DisconnectReason, Room } from '@livekit/rtc-node'
import { RoomEvent } from '@livekit/rtc-node'
import { afterAll, beforeAll } from 'vitest'
import type { SignedIn } from '../../protocol/api.ts'
import { occupy } from './factories.ts'
import { httpClient, type HttpClient } from './http.ts'

export interface RoomSuite<S> {
  /** The stack, once started (in beforeAll). */
  stack(): S
  /** A client of the suite's server: usable at the top of the file, it reaches the server once started. */
  readonly http: HttpClient
  /** `who` in the call of `roomId`, counted by the server's occupancy; disconnected after the file. */
  enter(who: SignedIn, roomId: string): Promise<Room>
  /** Disconnects `room` after the file (a participant the test connected by itself). */
  keep(room: Room): Room
}

export function roomSuite<S extends { stop(): Promise<void> }>(start: () => Promise<S>, urlOf: (stack: S) => string): RoomSuite<S> {
  let stack: S | null = null
  const rooms: Room[] = []
  const started = () => {
    if (!stack) throw new Error('the stack is not started yet (use it inside a test)')
    return stack
  }
  const http = httpClient(() => urlOf(started()))
  beforeAll(async () => {
    stack = await start()
  })
  afterAll(async () => {
    await Promise.all(rooms.map((r) => r.disconnect()))
    await stack?.stop()
  })
  const keep = (room: Room) => {
    rooms.push(room)
    return room
  }
  return { stack: started, http, keep, enter: async (who, roomId) => keep(await occupy(http, who, roomId)) }
}

/** Resolves with why `room` was disconnected; take it before the change that should cause it. */
export const dropped = (room: Room): Promise<DisconnectReason> => new Promise((resolve) => room.once(RoomEvent.Disconnected, resolve))
