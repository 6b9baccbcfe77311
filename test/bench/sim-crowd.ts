/**
 * A crowd of simulated members in a child process (sim-crowd-child.ts): the benchmark asks it to
 * bring members into a workspace's lobby, to change one member's attributes, and to leave.
 */
import { fork } from 'node:child_process'
import { once } from 'node:events'
import { join } from 'node:path'
import type { PresenceAttributes } from '../../protocol/presence.ts'
import type { LivekitConfig } from '../../server/livekit/config.ts'
import type { JoinResult, SimSpec } from './sim-members.ts'

export type CrowdRequest =
  | { type: 'join'; id: number; livekit: LivekitConfig; workspaceId: string; specs: SimSpec[]; concurrency: number; deadlineMs: number }
  | { type: 'set'; id: number; index: number; attributes: Partial<PresenceAttributes>; heardBy?: number }
  | { type: 'cpu'; id: number }
  | { type: 'leave' }

export type CrowdReply =
  | ({ type: 'joined'; id: number } & JoinResult)
  | { type: 'sent'; id: number; sentAt: number; heardAt: number | null; error: string | null }
  | { type: 'cpu'; id: number; seconds: number }

export interface SimCrowd {
  /** The crowd's process, to read its CPU use from /proc. */
  pid: number
  /**
   * Brings `specs` into the lobby, after those already there. No new connects start after
   * `deadlineMs` (default 120 s); a partial crowd comes back with `failed` saying why.
   */
  join(specs: SimSpec[], opts?: { concurrency?: number; deadlineMs?: number }): Promise<JoinResult>
  /**
   * Sets attributes of member `index` (join order). Resolves with the Date.now() taken just before
   * the call and, with `heardBy`, when that member saw the new statusText (null if not in 5 s).
   */
  set(index: number, attributes: Partial<PresenceAttributes>, heardBy?: number): Promise<{ sentAt: number; heardAt: number | null }>
  /** CPU seconds the crowd's process has used so far. */
  cpuSeconds(): Promise<number>
  /** Everyone leaves and the process ends (killed if it takes more than a minute). */
  stop(): Promise<void>
}

export function startCrowd(livekit: LivekitConfig, workspaceId: string): SimCrowd {
  const child = fork(join(import.meta.dirname, 'sim-crowd-child.ts'), [], {
    execArgv: ['--disable-warning=ExperimentalWarning'],
    // rtc-node logs every connect at debug level unless NODE_ENV is production.
    env: { ...process.env, NODE_ENV: 'production' },
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
  })
  let log = ''
  const keep = (chunk: Buffer) => void (log = (log + chunk.toString()).slice(-4_000))
  child.stdout!.on('data', keep)
  child.stderr!.on('data', keep)
  const alive = () => child.exitCode === null && child.signalCode === null
  const exited = once(child, 'exit').catch(() => undefined)
  const waiting = new Map<number, { resolve(m: CrowdReply): void; reject(e: Error): void }>()
  child.on('message', (m: CrowdReply) => waiting.get(m.id)?.resolve(m))
  child.on('exit', (code, signal) => {
    const last = log.trim().split('\n').at(-1) ?? ''
    for (const w of waiting.values()) w.reject(new Error(`the crowd process exited (${signal ?? `code ${code}`}): ${last}`))
    waiting.clear()
  })
  let nextId = 1
  const ask = <T extends CrowdReply>(req: CrowdRequest & { id: number }, timeoutMs = 30_000) =>
    new Promise<T>((resolve, reject) => {
      const timer = setTimeout(() => {
        waiting.delete(req.id)
        reject(new Error(`the crowd did not answer '${req.type}' in ${timeoutMs / 1000} s`))
      }, timeoutMs)
      const settle = () => {
        clearTimeout(timer)
        waiting.delete(req.id)
      }
      waiting.set(req.id, { resolve: (m) => (settle(), resolve(m as T)), reject: (e) => (settle(), reject(e)) })
      child.send(req)
    })
  const kill = async () => {
    if (alive()) child.kill('SIGKILL')
    await exited
  }

  return {
    pid: child.pid!,
    async join(specs, opts = {}) {
      const deadlineMs = opts.deadlineMs ?? 120_000
      // Connects already started may take their own time to finish or fail after the deadline.
      const { id: _id, type: _type, ...result } = await ask<Extract<CrowdReply, { type: 'joined' }>>(
        { type: 'join', id: nextId++, livekit: { url: livekit.url, apiKey: livekit.apiKey, apiSecret: livekit.apiSecret }, workspaceId, specs, concurrency: opts.concurrency ?? 8, deadlineMs },
        deadlineMs + 60_000,
      ).catch(async (err: Error) => {
        await kill()
        throw err
      })
      return result
    },
    async set(index, attributes, heardBy) {
      const m = await ask<Extract<CrowdReply, { type: 'sent' }>>({ type: 'set', id: nextId++, index, attributes, ...(heardBy === undefined ? {} : { heardBy }) })
      if (m.error) throw new Error(`setAttributes of member ${index}: ${m.error}`)
      return { sentAt: m.sentAt, heardAt: m.heardAt }
    },
    async cpuSeconds() {
      return (await ask<Extract<CrowdReply, { type: 'cpu' }>>({ type: 'cpu', id: nextId++ })).seconds
    },
    async stop() {
      if (!alive()) return
      child.send({ type: 'leave' } satisfies CrowdRequest)
      const timer = setTimeout(() => void kill(), 60_000)
      await exited
      clearTimeout(timer)
    },
  }
}
