/**
 * Several livekit-server nodes on one host sharing one Redis: LiveKit's own multi-node mode. A room
 * lives on one node (the one Redis's `room_node_map` names); a participant whose signal connection
 * reaches another node is relayed to it over the Redis message bus (psrpc `RelaySignal`, see
 * livekit/livekit pkg/routing/signal.go at v1.13.5), and its media goes to the room's node directly.
 */
import { randomBytes } from 'node:crypto'
import { ensureLivekitServer } from '../../scripts/lib/livekit-install.ts'
import { startLivekitProcess, type LivekitProcess } from '../../scripts/lib/livekit-process.ts'
import { freeTcpPort, freeUdpPort } from './ports.ts'
import type { TestRedis } from './redis.ts'
import { tempDir } from './temp.ts'

export interface LivekitCluster {
  /** The nodes, each with its own signal URL; all share `apiKey`/`apiSecret`. */
  nodes: LivekitProcess[]
  /** Each node's id in Redis, in the order of `nodes`. */
  nodeIds: string[]
  apiKey: string
  apiSecret: string
  /** The index in `nodes` of the node that hosts `room` now (Redis's `room_node_map`), or -1. */
  hostOf(room: string): Promise<number>
  stop(): Promise<void>
}

export interface LivekitClusterOptions {
  /** The Redis the nodes share. */
  redis: Pick<TestRedis, 'address' | 'command'>
  nodes?: number
  /** Every node sends its rooms' webhooks here. */
  webhookUrls?: string[]
}

export async function startLivekitCluster(opts: LivekitClusterOptions): Promise<LivekitCluster> {
  const binary = ensureLivekitServer()
  const apiKey = 'officekey'
  const apiSecret = randomBytes(24).toString('base64url')
  const dirs: { remove(): void }[] = []
  const nodes: LivekitProcess[] = []
  const nodeIds: string[] = []
  // LiveKit keeps its nodes in the hash `nodes` and each room's node in `room_node_map`
  // (pkg/routing/redisrouter.go, NodesKey and NodeRoomKey).
  const registered = async () => (await opts.redis.command('HKEYS', 'nodes')) as string[]
  const stop = async () => {
    await Promise.all(nodes.map((n) => n.stop()))
    for (const dir of dirs) dir.remove()
  }
  try {
    // One after the other: each picks free ports after the previous one holds its own.
    for (let i = 0; i < (opts.nodes ?? 2); i++) {
      const dir = tempDir(`livekit-node${i}-`)
      dirs.push(dir)
      nodes.push(
        await startLivekitProcess({
          binary,
          dir: dir.path,
          port: await freeTcpPort(),
          udpPort: await freeUdpPort(),
          webhookUrls: opts.webhookUrls ?? [],
          apiKey,
          apiSecret,
          redisAddress: opts.redis.address,
        }),
      )
      // A node registers before it listens (pkg/service/server.go, Start), so it is there by now.
      const added = (await registered()).filter((id) => !nodeIds.includes(id))
      if (added.length !== 1) throw new Error(`livekit-server node ${i} did not register once in Redis (new ids: ${added.join(', ') || 'none'})`)
      nodeIds.push(added[0]!)
    }
  } catch (err) {
    await stop()
    throw err
  }
  const hostOf = async (room: string) => nodeIds.indexOf(String(await opts.redis.command('HGET', 'room_node_map', room)))
  return { nodes, nodeIds, apiKey, apiSecret, hostOf, stop }
}
