/**
 * A throwaway redis-server for the cluster tests (LiveKit's multi-node mode shares rooms through
 * it): loopback only, no persistence, in a temp folder. Debian's redis-server is installed when
 * missing. `command()` speaks RESP over a plain socket, so the tests need no Redis client package.
 */
import { connect } from 'node:net'
import { ensureDebianPackage } from '../../scripts/lib/debian.ts'
import { spawnTool } from './child-process.ts'
import { freeTcpPort } from './ports.ts'
import { tempDir } from './temp.ts'

export type RespValue = string | number | null | RespValue[]

export interface TestRedis {
  port: number
  /** host:port, as LiveKit's `redis.address` wants it. */
  address: string
  /** Sends one command and resolves with its reply; an error reply rejects. */
  command(...args: string[]): Promise<RespValue>
  stop(): Promise<void>
}

export async function startRedis(): Promise<TestRedis> {
  const binary = ensureDebianPackage('/usr/bin/redis-server', 'redis-server')
  const dir = tempDir('redis-')
  const port = await freeTcpPort()
  // `--save ''` turns RDB snapshots off and `--appendonly no` the AOF: nothing outlives the test.
  const redis = spawnTool('redis-server', binary, [
    '--port', String(port), '--bind', '127.0.0.1', '--protected-mode', 'yes',
    '--save', '', '--appendonly', 'no', '--dir', dir.path, '--daemonize', 'no', '--logfile', '',
  ])
  const command = (...args: string[]) => redisCommand(port, args)
  try {
    await redis.waitUntil(async () => (await command('PING')) === 'PONG', `PING on 127.0.0.1:${port}`)
  } catch (err) {
    await redis.stop()
    dir.remove()
    throw err
  }
  return {
    port,
    address: `127.0.0.1:${port}`,
    command,
    async stop() {
      await redis.stop()
      dir.remove()
    },
  }
}

/** One RESP exchange on a fresh connection: the command as an array of bulk strings, one reply back. */
export function redisCommand(port: number, args: string[], timeoutMs = 2_000): Promise<RespValue> {
  return new Promise((resolve, reject) => {
    const socket = connect({ host: '127.0.0.1', port })
    let buffer = Buffer.alloc(0)
    const done = (fn: () => void) => {
      socket.destroy()
      fn()
    }
    socket.setTimeout(timeoutMs, () => done(() => reject(new Error(`redis ${args[0]}: no reply in ${timeoutMs} ms`))))
    socket.once('error', (err) => done(() => reject(err)))
    socket.on('data', (chunk) => {
      buffer = Buffer.concat([buffer, chunk])
      try {
        const parsed = parseResp(buffer, 0)
        if (parsed) done(() => resolve(parsed.value))
      } catch (err) {
        done(() => reject(err))
      }
    })
    socket.write(args.reduce((out, a) => `${out}$${Buffer.byteLength(a)}\r\n${a}\r\n`, `*${args.length}\r\n`))
  })
}

/** Parses one RESP2 reply at `at`; undefined while it is incomplete. An error reply throws. */
function parseResp(buf: Buffer, at: number): { value: RespValue; next: number } | undefined {
  const eol = buf.indexOf('\r\n', at)
  if (eol < 0) return undefined
  const line = buf.toString('utf8', at + 1, eol)
  const next = eol + 2
  switch (String.fromCharCode(buf[at]!)) {
    case '+':
      return { value: line, next }
    case '-':
      throw new Error(`redis: ${line}`)
    case ':':
      return { value: Number(line), next }
    case '$': {
      const length = Number(line)
      if (length < 0) return { value: null, next }
      if (buf.length < next + length + 2) return undefined
      return { value: buf.toString('utf8', next, next + length), next: next + length + 2 }
    }
    case '*': {
      const count = Number(line)
      if (count < 0) return { value: null, next }
      const items: RespValue[] = []
      let cursor = next
      for (let i = 0; i < count; i++) {
        const item = parseResp(buf, cursor)
        if (!item) return undefined
        items.push(item.value)
        cursor = item.next
      }
      return { value: items, next: cursor }
    }
    default:
      throw new Error(`redis: unexpected reply ${JSON.stringify(line)}`)
  }
}
