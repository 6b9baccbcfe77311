/**
 * For integration tests of the server's live notices: the real backend for the test file, and
 * lobby connections (rtc-node, as a member's app) that record what the server sends them on one
 * topic, each packet through the client's own reader (null: the reader refused it). Every
 * connection is closed, and the backend stopped, after the file.
 */
import { Room, RoomEvent, type RemoteParticipant } from '@livekit/rtc-node'
import { afterAll, beforeAll } from 'vitest'
import type { LobbyToken, SignedIn } from '../../protocol/api.ts'
import { httpClient, type HttpClient } from './http.ts'
import { startStack, type Stack } from './stack.ts'

export interface NoticeStack {
  readonly stack: Stack
  readonly http: HttpClient
  /** What `who`'s lobby connection hears from the server on `topic`, read by `read`, from now on. */
  listen<N>(who: SignedIn, topic: string, read: (payload: Uint8Array) => N | null): Promise<(N | null)[]>
}

export function useNoticeStack(): NoticeStack {
  let stack: Stack | undefined
  const http = httpClient(() => stack!.server.url)
  const lobbies: Room[] = []
  beforeAll(async () => {
    stack = await startStack()
  })
  afterAll(async () => {
    await Promise.all(lobbies.map((l) => l.disconnect()))
    await stack?.stop()
  })
  return {
    get stack() {
      return stack!
    },
    http,
    async listen(who, topic, read) {
      const heard: ReturnType<typeof read>[] = []
      const token = await http.post<LobbyToken>(`/api/workspaces/${who.workspace.id}/lobby/token`, undefined, who.session.token)
      const lobby = new Room()
      lobbies.push(lobby)
      lobby.on(RoomEvent.DataReceived, (payload: Uint8Array, participant?: RemoteParticipant, _kind?: unknown, t?: string) => {
        if (!participant && t === topic) heard.push(read(payload))
      })
      await lobby.connect(token.body.url, token.body.token, { autoSubscribe: false, dynacast: false })
      return heard
    },
  }
}
