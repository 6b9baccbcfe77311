/**
 * A hostile member for the trust drills: a real LiveKit participant (@livekit/rtc-node) in the
 * lobby with a real lobby token for a real member, doing what the token allows and the client must
 * not believe: renaming itself, declaring any attribute, sending any packet, calling any RPC.
 */
import { RoomEvent, type Room } from '@livekit/rtc-node'
import type { LobbyToken, SignedIn } from '../../protocol/api.ts'
import { connectParticipant } from './factories.ts'
import type { HttpClient } from './http.ts'

export interface HostilePeer {
  readonly room: Room
  readonly id: string
  /** The RPC methods others called on this peer, in order (a knock routed to it shows up here). */
  readonly calledWith: string[]
  rename(name: string): Promise<void>
  declare(attributes: Record<string, string>): Promise<void>
  /** Sends `payload` on `topic` to everyone, reliably unless `lossy`. */
  send(topic: string, payload: string | Uint8Array, lossy?: boolean): Promise<void>
  /** Calls `method` on `to` `times` times at once; resolves when every call has an answer or failed. */
  call(to: string, method: string, payload: string, times?: number, timeoutMs?: number): Promise<PromiseSettledResult<string>[]>
  leave(): Promise<void>
}

export async function hostilePeer(http: HttpClient, who: SignedIn): Promise<HostilePeer> {
  const res = await http.post<LobbyToken>(`/api/workspaces/${who.workspace.id}/lobby/token`, undefined, who.session.token)
  if (res.status !== 200) throw new Error(`lobby token: ${res.status} ${JSON.stringify(res.body)}`)
  const room = await connectParticipant(res.body.url, res.body.token)
  const local = room.localParticipant!
  const calledWith: string[] = []
  // Whoever wrongly routes a knock or a meet to this peer is seen here; it never answers yes.
  for (const method of ['office.knock', 'office.wave', 'office.meet']) {
    local.registerRpcMethod(method, async () => {
      calledWith.push(method)
      return JSON.stringify({ answer: 'declined' })
    })
  }
  const encoder = new TextEncoder()
  return {
    room,
    id: who.member.id,
    calledWith,
    rename: (name) => local.updateName(name),
    declare: (attributes) => local.setAttributes(attributes),
    send: (topic, payload, lossy = false) => local.publishData(typeof payload === 'string' ? encoder.encode(payload) : payload, { reliable: !lossy, topic }),
    call: (to, method, payload, times = 1, timeoutMs = 5_000) =>
      Promise.allSettled(Array.from({ length: times }, () => local.performRpc({ destinationIdentity: to, method, payload, responseTimeout: timeoutMs }))),
    async leave() {
      room.removeAllListeners(RoomEvent.DataReceived)
      await room.disconnect()
    },
  }
}
