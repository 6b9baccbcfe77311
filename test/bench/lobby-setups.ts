/**
 * The two LiveKit set-ups the cluster presence benchmark compares, each with its own server
 * (SQLite, serving the client) whose tokens send the observer to the first node: one
 * livekit-server alone, as `npm start` runs it; and two nodes sharing a Redis (LiveKit's
 * multi-node mode), the lobby pinned to node A, the speaker and every other crowd member
 * connecting through node B, so that what is measured crosses from one node to the other.
 */
import { RoomServiceClient } from 'livekit-server-sdk'
import { lobbyRoomName } from '../../protocol/presence.ts'
import type { LivekitConfig } from '../../server/livekit/config.ts'
import { startLivekitCluster } from '../support/livekit-cluster.ts'
import { freeTcpPort } from '../support/ports.ts'
import { startRedis } from '../support/redis.ts'
import { startServer } from '../support/server.ts'
import { startStack } from '../support/stack.ts'

export interface LobbySetup {
  label: string
  serverUrl: string
  /** What the crowd and the probe sign their tokens with, and connect to unless told otherwise. */
  livekit: LivekitConfig
  /** The node the i-th member of the workspace connects through. */
  crowdUrl(i: number): string
  /** The speaker's and the listener's nodes, when not `livekit.url`. */
  probeUrls?: { speaker: string; listener: string }
  /** The livekit-server processes by name, for their CPU use. */
  nodes: Record<string, number>
  /** Before anyone connects: where the workspace's lobby will live, in words. */
  placeLobby(workspaceId: string): Promise<string>
  stop(): Promise<void>
}

export async function oneNode(): Promise<LobbySetup> {
  const stack = await startStack({ serveClient: true })
  return {
    label: 'one node',
    serverUrl: stack.server.url,
    livekit: stack.livekit,
    crowdUrl: () => stack.livekit.url,
    nodes: { livekit: stack.livekit.child.pid! },
    placeLobby: async () => 'one livekit-server',
    stop: () => stack.stop(),
  }
}

export async function twoNodes(): Promise<LobbySetup> {
  const stops: (() => Promise<void>)[] = []
  const stop = async () => {
    for (const s of stops.splice(0).reverse()) await s()
  }
  try {
    const redis = await startRedis()
    stops.push(() => redis.stop())
    const port = await freeTcpPort()
    const cluster = await startLivekitCluster({ redis, nodes: 2, webhookUrls: [`http://127.0.0.1:${port}/api/livekit/webhook`] })
    stops.push(() => cluster.stop())
    const [a, b] = cluster.nodes
    const livekit = { url: a!.url, apiKey: cluster.apiKey, apiSecret: cluster.apiSecret }
    const server = await startServer({ livekit, port, serveClient: true })
    stops.push(() => server.stop())
    return {
      label: 'two nodes',
      serverUrl: server.url,
      livekit,
      crowdUrl: (i) => (i % 2 ? b!.url : a!.url),
      probeUrls: { speaker: b!.url, listener: a!.url },
      nodes: { 'livekit A': a!.child.pid!, 'livekit B': b!.child.pid! },
      async placeLobby(workspaceId) {
        const room = lobbyRoomName(workspaceId)
        // LiveKit puts a new room on a node at random; naming one makes every run cross nodes alike.
        await new RoomServiceClient(a!.httpUrl, cluster.apiKey, cluster.apiSecret).createRoom({ name: room, nodeId: cluster.nodeIds[0]!, emptyTimeout: 600 })
        const host = await cluster.hostOf(room)
        if (host !== 0) throw new Error(`the lobby went to node ${host} instead of node A (0)`)
        return 'lobby on node A with the observer and the listener; the speaker and every other crowd member through node B'
      },
      stop,
    }
  } catch (err) {
    await stop()
    throw err
  }
}
