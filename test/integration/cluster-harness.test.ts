/**
 * The parts of the cluster test (issue 9), checked on their own so that a failure there names the
 * part: a throwaway Redis, two livekit-server nodes sharing it (LiveKit's multi-node mode), and
 * haproxy in front of instances, moving traffic off one that stops being ready or dies.
 */
import { createServer, type Server } from 'node:http'
import { Room, RoomEvent } from '@livekit/rtc-node'
import { AccessToken, RoomServiceClient } from 'livekit-server-sdk'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { spawnTool, type ToolProcess } from '../support/child-process.ts'
import { until } from '../support/factories.ts'
import { startHaproxy, type TestHaproxy } from '../support/haproxy.ts'
import { startLivekitCluster, type LivekitCluster } from '../support/livekit-cluster.ts'
import { freeTcpPort } from '../support/ports.ts'
import { startRedis, type TestRedis } from '../support/redis.ts'

describe('Redis and a two-node LiveKit cluster', () => {
  let redis: TestRedis
  let cluster: LivekitCluster
  let hooks: Server
  const webhooks: { event: string; participant?: { identity: string } }[] = []
  const rooms: Room[] = []

  beforeAll(async () => {
    redis = await startRedis()
    hooks = createServer((req, res) => {
      let body = ''
      req.on('data', (chunk: Buffer) => (body += chunk.toString()))
      req.on('end', () => {
        webhooks.push(JSON.parse(body))
        res.end()
      })
    })
    await new Promise<void>((resolve) => hooks.listen(0, '127.0.0.1', resolve))
    const { port } = hooks.address() as { port: number }
    cluster = await startLivekitCluster({ redis, webhookUrls: [`http://127.0.0.1:${port}/hook`] })
  })
  afterAll(async () => {
    await Promise.all(rooms.map((r) => r.disconnect()))
    await cluster?.stop()
    await redis?.stop()
    hooks?.close()
  })

  const service = (node: number) => new RoomServiceClient(cluster.nodes[node]!.httpUrl, cluster.apiKey, cluster.apiSecret)
  const join = async (node: number, room: string, identity: string) => {
    const token = new AccessToken(cluster.apiKey, cluster.apiSecret, { identity })
    token.addGrant({ roomJoin: true, room, canPublishData: true })
    const participant = new Room()
    rooms.push(participant)
    await participant.connect(cluster.nodes[node]!.url, await token.toJwt(), { autoSubscribe: false, dynacast: false })
    return participant
  }
  const received = (room: Room, from: string) =>
    new Promise<string>((resolve) => room.on(RoomEvent.DataReceived, (payload, participant) => participant?.identity === from && resolve(new TextDecoder().decode(payload))))

  it('redis answers PING on loopback and keeps nothing on disk', async () => {
    expect(await redis.command('PING')).toBe('PONG')
    expect(await redis.command('CONFIG', 'GET', 'bind')).toEqual(['bind', '127.0.0.1'])
    expect(await redis.command('CONFIG', 'GET', 'save')).toEqual(['save', ''])
    expect(await redis.command('CONFIG', 'GET', 'appendonly')).toEqual(['appendonly', 'no'])
  })

  it('both nodes register in the shared Redis', async () => {
    expect(cluster.nodeIds).toHaveLength(2)
    expect(((await redis.command('HKEYS', 'nodes')) as string[]).sort()).toEqual([...cluster.nodeIds].sort())
  })

  it('a room made through one node is one room for the other: listed there, and people joining through each node exchange data both ways', async () => {
    const name = `cluster-${Date.now().toString(36)}`
    await service(0).createRoom({ name, emptyTimeout: 60 })
    expect((await service(1).listRooms([name])).map((r) => r.name)).toEqual([name])
    // The room lives on one node (chosen at random); whoever joins through the other is relayed to it.
    const host = await cluster.hostOf(name)
    expect(host).toBeGreaterThanOrEqual(0)
    const other = 1 - host

    const alice = await join(host, name, 'alice')
    const bob = await join(other, name, 'bob')
    await until(async () => alice.remoteParticipants.has('bob') && bob.remoteParticipants.has('alice'), 'alice and bob to see each other')
    const toBob = received(bob, 'alice')
    const toAlice = received(alice, 'bob')
    await alice.localParticipant!.publishData(new TextEncoder().encode('hello from the host node'), { reliable: true, topic: 'test' })
    await bob.localParticipant!.publishData(new TextEncoder().encode('hello through the other node'), { reliable: true, topic: 'test' })
    expect(await toBob).toBe('hello from the host node')
    expect(await toAlice).toBe('hello through the other node')
    expect((await service(other).listParticipants(name)).map((p) => p.identity).sort()).toEqual(['alice', 'bob'])
    // The room's node sends the webhooks of everyone in it, whichever node they came through.
    await until(async () => ['alice', 'bob'].every((id) => webhooks.some((w) => w.event === 'participant_joined' && w.participant?.identity === id)), 'both participant_joined webhooks')
  })
})

/** A tiny instance in its own process: answers its name; /api/ready answers 503 while it is told it is not ready. */
const INSTANCE = `
const name = process.env.NAME
let ready = true
require('node:http').createServer((req, res) => {
  if (req.url === '/not-ready') ready = false
  if (req.url === '/ready-again') ready = true
  if (req.url === '/api/ready' && !ready) res.statusCode = 503
  res.end(name)
}).listen(Number(process.env.PORT), '127.0.0.1')
`

describe('haproxy in front of two instances', () => {
  const instances = {} as Record<'one' | 'two', { url: string; process: ToolProcess }>
  let haproxy: TestHaproxy

  beforeAll(async () => {
    for (const name of ['one', 'two'] as const) {
      const port = await freeTcpPort()
      const url = `http://127.0.0.1:${port}`
      const child = spawnTool(`instance ${name}`, process.execPath, ['-e', INSTANCE], { NAME: name, PORT: String(port) })
      instances[name] = { url, process: child }
      await child.waitUntil(async () => (await (await fetch(`${url}/api/health`)).text()) === name, 'its name on /api/health')
    }
    haproxy = await startHaproxy({ backends: [instances.one.url, instances.two.url] })
  })
  afterAll(async () => {
    await haproxy?.stop()
    await Promise.all(Object.values(instances).map((i) => i.process.stop()))
  })

  /** Who answered each of `count` requests through haproxy; any answer but a 200 fails the test. */
  const answers = async (count: number) => {
    const names: string[] = []
    for (let i = 0; i < count; i++) {
      const res = await fetch(`${haproxy.url}/api/health`)
      expect(res.status, `request ${i}: ${await res.clone().text()}`).toBe(200)
      names.push(await res.text())
    }
    return new Set(names)
  }
  const bothUp = () => until(async () => Object.values(await haproxy.states()).every((s) => s === 'UP'), 'both instances checked UP')
  const stateOf = async (name: 'one' | 'two') => (await haproxy.states())[instances[name].url]

  it('shares requests between both, and sends none to one that says it is not ready', async () => {
    await bothUp()
    expect(await answers(6)).toEqual(new Set(['one', 'two']))
    await fetch(`${instances.one.url}/not-ready`)
    await until(async () => (await stateOf('one')) === 'DOWN', 'haproxy to mark instance one DOWN')
    expect(await answers(6)).toEqual(new Set(['two']))
    await fetch(`${instances.one.url}/ready-again`)
    await bothUp()
    expect(await answers(6)).toEqual(new Set(['one', 'two']))
  })

  it('a killed instance costs clients nothing: refused connections are redispatched, then checks take it out', async () => {
    await bothUp()
    await instances.two.process.kill()
    // Before any check has noticed: a refused connection is retried on the other instance.
    expect(await answers(6)).toEqual(new Set(['one']))
    await until(async () => (await stateOf('two')) === 'DOWN', 'haproxy to mark the killed instance DOWN')
    expect(await answers(10)).toEqual(new Set(['one']))
  })
})
