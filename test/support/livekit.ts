/** Starts a real livekit-server for a test file, on free loopback ports with its own keys. */
import { ensureLivekitServer } from '../../scripts/lib/livekit-install.ts'
import { startLivekitProcess, type LivekitProcess } from '../../scripts/lib/livekit-process.ts'
import { freeTcpPort, freeUdpPort } from './ports.ts'
import { tempDir } from './temp.ts'

export type TestLivekit = LivekitProcess & { restart(): Promise<void> }

export async function startLivekit(opts: { webhookUrls?: string[] } = {}): Promise<TestLivekit> {
  const binary = ensureLivekitServer()
  const dir = tempDir('livekit-')
  const port = await freeTcpPort()
  const udpPort = await freeUdpPort()
  let current = await startLivekitProcess({ binary, dir: dir.path, port, udpPort, ...opts })
  const handle: TestLivekit = {
    ...current,
    async stop() {
      await current.stop()
      dir.remove()
    },
    kill: () => current.kill(),
    /** Starts it again on the same ports and keys, as after a crash or an upgrade. */
    async restart() {
      current = await startLivekitProcess({ binary, dir: dir.path, port, udpPort, apiKey: current.apiKey, apiSecret: current.apiSecret, ...opts })
      handle.child = current.child
    },
  }
  return handle
}
