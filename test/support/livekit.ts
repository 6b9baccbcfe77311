/** Starts a real livekit-server for a test file, on free loopback ports with its own keys. */
import { randomBytes } from 'node:crypto'
import { ensureLivekitServer } from '../../scripts/lib/livekit-install.ts'
import { startLivekitProcess, type LivekitOptions, type LivekitProcess } from '../../scripts/lib/livekit-process.ts'
import { supervise } from '../../scripts/lib/supervise.ts'
import { freeTcpPort, freeUdpPort } from './ports.ts'
import { tempDir } from './temp.ts'

export type TestLivekit = LivekitProcess & {
  /** Starts it again on the same ports and keys, as after a crash or an upgrade. */
  restart(): Promise<void>
  /**
   * Supervised only: resolves when the supervisor has it running again after the next death.
   * Take it before the kill: `const back = livekit.nextStart(); await livekit.kill(); await back`.
   */
  nextStart(): Promise<void>
}

/**
 * `supervised`: run under scripts/lib/supervise.ts, as `npm start` runs it, so that a kill -9 is
 * followed by a restart on the same ports and keys without the test doing anything.
 */
export async function startLivekit(opts: { webhookUrls?: string[]; supervised?: boolean; log?: (line: string) => void } = {}): Promise<TestLivekit> {
  const binary = ensureLivekitServer()
  const dir = tempDir('livekit-')
  const port = await freeTcpPort()
  const udpPort = await freeUdpPort()
  const apiSecret = randomBytes(24).toString('base64url')
  const options: LivekitOptions = { binary, dir: dir.path, port, udpPort, webhookUrls: opts.webhookUrls ?? [] }
  // The same keys for every start, so that tokens signed before a crash still work after it.
  const launch = () => startLivekitProcess({ ...options, apiKey: 'officekey', apiSecret })
  const waiting: (() => void)[] = []
  let handle: TestLivekit | null = null
  let current: LivekitProcess | null = null
  const supervisor = opts.supervised
    ? await supervise({
        name: 'livekit-server',
        start: launch,
        log: opts.log ?? (() => {}),
        onStart: (p) => {
          current = p
          if (handle) handle.child = p.child
          for (const resolve of waiting.splice(0)) resolve()
        },
      })
    : null
  current = supervisor?.current ?? (await launch())
  const now = () => current!
  handle = {
    ...current,
    async stop() {
      await (supervisor ?? now()).stop()
      dir.remove()
    },
    kill: () => now().kill(),
    async restart() {
      current = await launch()
      handle!.child = current.child
    },
    nextStart() {
      if (!supervisor) return Promise.reject(new Error('nextStart() needs startLivekit({ supervised: true })'))
      return new Promise<void>((resolve) => waiting.push(resolve))
    },
  }
  return handle
}
