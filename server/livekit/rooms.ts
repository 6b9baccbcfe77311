/** What the server asks of LiveKit's RoomService: data to the lobby, removing members, moderation, health. */
import { DataPacket_Kind, RoomServiceClient, TrackSource } from 'livekit-server-sdk'
import { lobbyRoomName } from '../../protocol/presence.ts'
import { livekitHttpUrl, type LivekitConfig } from './config.ts'
import { mediaPermission } from './tokens.ts'

/** One connection of a participant: LiveKit gives each join its own sid. */
export interface Connection {
  sid: string
  attributes: Record<string, string>
}

export interface Rooms {
  /** Identities in a LiveKit room; none when the room does not exist. Previews (hidden, looking in at the door) are not in it. */
  participants(roomName: string): Promise<string[]>
  /** `identity`'s connection to a room as LiveKit holds it (its sid and attributes); null when they are not in it. */
  connectionOf(roomName: string, identity: string): Promise<Connection | null>
  /**
   * Turns someone's preview in a media room into a full participant (mediaPermission, seen by
   * everyone). False when they are not in the room (the preview is gone, or never joined).
   */
  reveal(roomName: string, identity: string, publish: boolean): Promise<boolean>
  /** Whether `identity` is in the room as a preview (hidden) still. */
  isPreview(roomName: string, identity: string): Promise<boolean>
  /** How many previews (hidden participants) other than `identity`'s are in the room: LiveKit counts them against its capacity. */
  previews(roomName: string, except: string): Promise<number>
  /** Shows out every preview in the room but `except`'s (their clients enter the usual way if they click). */
  showOutPreviews(roomName: string, except: string): Promise<void>
  /**
   * A reliable data packet from the server to everyone in the workspace's lobby. Nobody online
   * means no lobby room and nothing to do: clients catch up when they connect.
   */
  sendToLobby(workspaceId: string, topic: string, payload: unknown): Promise<void>
  /**
   * A data packet from the server to these members' lobby connections only (chat: readers only).
   * No members means nothing is sent: LiveKit reads an empty destination list as "everyone".
   * `lossy` sends it unreliable (typing), which may be dropped.
   */
  sendToMembers(workspaceId: string, memberIds: readonly string[], topic: string, payload: unknown, opts?: { lossy?: boolean }): Promise<void>
  /**
   * Removes one participant from one room; nothing happens when either is gone already. With `sid`,
   * only that connection: a newer one of the same identity (the same member, connected again since
   * the news this removal acts on) stays.
   */
  removeParticipant(roomName: string, identity: string, sid?: string): Promise<void>
  /**
   * Lets someone in a media room publish or not (the whole permission set: mediaPermission).
   * False when they are not in the room (the change applies to their next token instead).
   */
  setPublishing(roomName: string, identity: string, publish: boolean): Promise<boolean>
  /** Mutes their published microphone: 'muted', or why not (not in the room, no microphone published). */
  muteMicrophone(roomName: string, identity: string): Promise<'muted' | 'not-in-room' | 'no-microphone'>
  /** Removes a member from the lobby and every media room of the workspace. */
  removeMember(workspaceId: string, memberId: string): Promise<void>
  ping(): Promise<boolean>
}

const isNotFound = (err: unknown) => /not.?found|does not exist/i.test(String((err as Error)?.message ?? err)) || (err as { status?: number })?.status === 404

export function createRooms(lk: LivekitConfig): Rooms {
  const client = new RoomServiceClient(livekitHttpUrl(lk.url), lk.apiKey, lk.apiSecret, { requestTimeout: 5 })
  const connectionOf = async (roomName: string, identity: string): Promise<Connection | null> => {
    try {
      const { sid, attributes } = await client.getParticipant(roomName, identity)
      return { sid, attributes }
    } catch (err) {
      if (isNotFound(err)) return null
      throw err
    }
  }
  return {
    async participants(roomName) {
      try {
        return (await client.listParticipants(roomName)).filter((p) => !p.permission?.hidden).map((p) => p.identity)
      } catch (err) {
        if (isNotFound(err)) return []
        throw err
      }
    },
    connectionOf,
    async reveal(roomName, identity, publish) {
      try {
        // Only a preview is revealed: someone in the room already is not entering it again.
        if (!(await client.getParticipant(roomName, identity)).permission?.hidden) return false
        await client.updateParticipant(roomName, identity, { permission: { ...mediaPermission(publish), hidden: false } })
        return true
      } catch (err) {
        if (isNotFound(err)) return false
        throw err
      }
    },
    async previews(roomName, except) {
      try {
        return (await client.listParticipants(roomName)).filter((p) => p.permission?.hidden && p.identity !== except).length
      } catch (err) {
        if (isNotFound(err)) return 0
        throw err
      }
    },
    async showOutPreviews(roomName, except) {
      const hidden = await client.listParticipants(roomName).catch((err: unknown) => {
        if (isNotFound(err)) return []
        throw err
      })
      await Promise.all(
        hidden
          .filter((p) => p.permission?.hidden && p.identity !== except)
          .map((p) =>
            client.removeParticipant(roomName, p.identity).catch((err: unknown) => {
              if (!isNotFound(err)) throw err
            }),
          ),
      )
    },
    async isPreview(roomName, identity) {
      try {
        return (await client.getParticipant(roomName, identity)).permission?.hidden === true
      } catch (err) {
        if (isNotFound(err)) return false
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
    async sendToMembers(workspaceId, memberIds, topic, payload, opts = {}) {
      if (memberIds.length === 0) return
      const kind = opts.lossy ? DataPacket_Kind.LOSSY : DataPacket_Kind.RELIABLE
      try {
        await client.sendData(lobbyRoomName(workspaceId), new TextEncoder().encode(JSON.stringify(payload)), kind, { topic, destinationIdentities: [...memberIds] })
      } catch (err) {
        if (!isNotFound(err)) throw err
      }
    },
    async removeParticipant(roomName, identity, sid) {
      // Between this read and the removal a newer connection could still replace the one read: a
      // window of one round trip to LiveKit, where acting on an old webhook left one of minutes.
      if (sid !== undefined && (await connectionOf(roomName, identity))?.sid !== sid) return
      await client.removeParticipant(roomName, identity).catch((err: unknown) => {
        if (!isNotFound(err)) throw err
      })
    },
    async setPublishing(roomName, identity, publish) {
      try {
        // A preview (looking in at the door) is not in the room: the permission set would reveal it.
        if ((await client.getParticipant(roomName, identity)).permission?.hidden) return false
        await client.updateParticipant(roomName, identity, { permission: mediaPermission(publish) })
        return true
      } catch (err) {
        if (isNotFound(err)) return false
        throw err
      }
    },
    async muteMicrophone(roomName, identity) {
      let tracks
      try {
        tracks = (await client.getParticipant(roomName, identity)).tracks
      } catch (err) {
        if (isNotFound(err)) return 'not-in-room'
        throw err
      }
      const mic = tracks.find((t) => t.source === TrackSource.MICROPHONE)
      if (!mic) return 'no-microphone'
      if (!mic.muted) await client.mutePublishedTrack(roomName, identity, mic.sid, true)
      return 'muted'
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
