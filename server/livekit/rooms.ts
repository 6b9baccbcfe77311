/** What the server asks of LiveKit's RoomService: data to the lobby, removing members, health. */
import { DataPacket_Kind, RoomServiceClient } from 'livekit-server-sdk'
import { lobbyRoomName } from '../../protocol/presence.ts'
import { livekitHttpUrl, type LivekitConfig } from './config.ts'

export interface Rooms {
  /** Identities in a LiveKit room; none when the room does not exist. */
  participants(roomName: string): Promise<string[]>
  /**
   * A reliable data packet from the server to everyone in the workspace's lobby. Nobody online
   * means no lobby room and nothing to do: clients catch up when they connect.
   */
  sendToLobby(workspaceId: string, topic: string, payload: unknown): Promise<void>
  /** Removes one participant from one room; nothing happens when either is gone already. */
  removeParticipant(roomName: string, identity: string): Promise<void>
  /** Removes a member from the lobby and every media room of the workspace. */
  removeMember(workspaceId: string, memberId: string): Promise<void>
  ping(): Promise<boolean>
}

const isNotFound = (err: unknown) => /not.?found|does not exist/i.test(String((err as Error)?.message ?? err)) || (err as { status?: number })?.status === 404

export function createRooms(lk: LivekitConfig): Rooms {
  const client = new RoomServiceClient(livekitHttpUrl(lk.url), lk.apiKey, lk.apiSecret, { requestTimeout: 5 })
  return {
    async participants(roomName) {
      try {
        return (await client.listParticipants(roomName)).map((p) => p.identity)
      } catch (err) {
        if (isNotFound(err)) return []
        throw err
      }
    },
    async sendToLobby(workspaceId, topic, payload) {
      try {
        await client.sendData(lobbyRoomName(workspaceId), new TextEncoder().encode(JSON.stringify(payload)), DataPacket_Kind.RELIABLE, { topic })
      } catch (err) {
        if (!isNotFound(err)) throw err
      }
    },
    async removeParticipant(roomName, identity) {
      await client.removeParticipant(roomName, identity).catch((err: unknown) => {
        if (!isNotFound(err)) throw err
      })
    },
    async removeMember(workspaceId, memberId) {
      const rooms = await client.listRooms()
      const mine = rooms.filter((r) => r.name.startsWith(`${workspaceId}.`))
      await Promise.all(
        mine.map((r) =>
          client.removeParticipant(r.name, memberId).catch((err: unknown) => {
            if (!isNotFound(err)) throw err
          }),
        ),
      )
    },
    async ping() {
      try {
        await client.listRooms([lobbyRoomName('ws_health')])
        return true
      } catch {
        return false
      }
    },
  }
}
