/**
 * The supervisor `npm start` runs livekit-server and the server under, with real child processes:
 * a tiny Node script that says "ready" and then lives, or exits on its own after a while.
 */
import { spawn } from 'node:child_process'
import { once } from 'node:events'
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, afterEach, describe, expect, it } from 'vitest'
import { supervise, type Supervisable, type Supervisor } from '../../../scripts/lib/supervise.ts'
import { tempDir } from '../../support/temp.ts'

const dir = tempDir('supervise-')
const script = join(dir.path, 'child.mjs')
// Prints "ready", then exits with code 3 after EXIT_AFTER_MS (if set), or lives until killed.
writeFileSync(script, [
  "console.log('ready')",
  'const after = Number(process.env.EXIT_AFTER_MS || 0)',
  'if (after) setTimeout(() => process.exit(3), after)',
  'else setInterval(() => {}, 1 << 30)',
].join('\n'))

/** Starts the script and resolves once it printed "ready", as startLivekitProcess waits for its port. */
async function startChild(env: Record<string, string> = {}): Promise<Supervisable> {
  const child = spawn(process.execPath, [script], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'inherit'] })
  await new Promise<void>((resolve, reject) => {
    child.stdout.on('data', (chunk: Buffer) => chunk.toString().includes('ready') && resolve())
    child.once('exit', (code) => reject(new Error(`exited with ${code} before it was ready`)))
  })
  return {
    child,
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return
      child.kill('SIGTERM')
      await once(child, 'exit')
    },
  }
}

/** Resolves when `predicate` holds, checked on every log line (no fixed sleeps). */
function untilLogged(lines: string[], predicate: (lines: string[]) => boolean, timeoutMs = 10_000): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`timed out; log:\n${lines.join('\n')}`)), timeoutMs)
    const check = () => predicate(lines) && (clearTimeout(timer), resolve())
    const push = lines.push.bind(lines)
    lines.push = (...items: string[]) => {
      const n = push(...items)
      check()
      return n
    }
    check()
  })
}

describe('supervise', () => {
  const running: Supervisor<Supervisable>[] = []
  afterEach(async () => {
    await Promise.all(running.splice(0).map((s) => s.stop()))
  })
  afterAll(() => dir.remove())

  it('starts a killed child again, and says so in the log', async () => {
    const log: string[] = []
    const started: number[] = []
    const sup = await supervise({ name: 'tiny', start: () => startChild(), log: (l) => log.push(l), onStart: (p) => started.push(p.child.pid!) })
    running.push(sup)
    const first = sup.current.child
    first.kill('SIGKILL')
    await untilLogged(log, (l) => l.some((x) => x.startsWith('supervisor: tiny is back')))
    expect(sup.restarts).toBe(1)
    expect(started[1]).not.toBe(started[0])
    expect(sup.current.child.exitCode).toBeNull()
    expect(log[0]).toMatch(new RegExp(`^supervisor: tiny \\(pid ${first.pid}\\) killed by SIGKILL after \\d+\\.\\d s$`))
    expect(log[1]).toBe('supervisor: restarting tiny in 0.1 s')
    expect(log[2]).toMatch(new RegExp(`^supervisor: tiny is back \\(pid ${started[1]}\\), \\d+\\.\\d s after it died$`))
  })

  it('backs off further each time a child dies soon after starting, and starts over once one ran a while', async () => {
    const log: string[] = []
    const startedAt: number[] = []
    // Three quick deaths (50 ms after ready), then one that ran past stableMs, then one that stays up.
    const lifetimes = [50, 50, 50, 1_200, 0]
    const sup = await supervise({
      name: 'flaky',
      start: () => startChild({ EXIT_AFTER_MS: String(lifetimes[startedAt.length] ?? 0) }),
      backoffMs: [100, 300, 600],
      stableMs: 1_000,
      log: (l) => log.push(l),
      onStart: () => startedAt.push(Date.now()),
    })
    running.push(sup)
    await untilLogged(log, (l) => l.filter((x) => x.startsWith('supervisor: flaky is back')).length === 4, 20_000)
    const waits = log.filter((l) => l.startsWith('supervisor: restarting')).map((l) => l.replace('supervisor: restarting flaky in ', ''))
    expect(waits).toEqual(['0.1 s', '0.3 s', '0.6 s', '0.1 s'])
    // Each quick death waited longer than the one before: the gaps between starts grow by the backoff.
    const gaps = startedAt.slice(1).map((t, i) => t - startedAt[i]!)
    expect(gaps[1]! - gaps[0]!).toBeGreaterThan(150)
    expect(gaps[2]! - gaps[1]!).toBeGreaterThan(200)
    expect(log.filter((l) => / exited with code 3 after /.test(l))).toHaveLength(4)
    expect(sup.restarts).toBe(4)
  })

  it('keeps trying when a restart itself fails, and a stopped supervisor starts nothing more', async () => {
    const log: string[] = []
    let starts = 0
    const sup = await supervise({
      name: 'stubborn',
      // The first start works; the next two fail (the port is still held), the third works.
      start: () => (++starts === 2 || starts === 3 ? Promise.reject(new Error('port 7880 is in use\nmore detail')) : startChild()),
      backoffMs: [10, 20],
      log: (l) => log.push(l),
    })
    running.push(sup)
    sup.current.child.kill('SIGKILL')
    await untilLogged(log, (l) => l.some((x) => x.startsWith('supervisor: stubborn is back')))
    expect(log.filter((l) => l === 'supervisor: stubborn did not start: port 7880 is in use')).toHaveLength(2)
    expect(sup.restarts).toBe(1)

    const last = sup.current.child
    await sup.stop()
    running.splice(0)
    expect(last.signalCode).toBe('SIGTERM')
    // Its exit was seen (stop() waited for it) and started nothing: no restart was even scheduled.
    expect(log.filter((l) => l.startsWith('supervisor: restarting'))).toHaveLength(3)
    expect(log.at(-1)).toMatch(/^supervisor: stubborn is back/)
  })

  it('rejects when the first start fails, so that npm start reports it', async () => {
    await expect(supervise({ name: 'broken', start: () => Promise.reject(new Error('no binary')), log: () => {} })).rejects.toThrow('no binary')
  })
})
