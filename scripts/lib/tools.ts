/**
 * Everything the tests and the office need that npm does not install: the pinned livekit-server and
 * S3 gateway (a cluster's shared storage) built into `.tools/`, Debian's Chromium, and the pinned
 * schemathesis in a Python venv. Used by `npm run setup` and `npm test`; a failure names what could
 * not be installed and ends the process.
 *
 * @example
 * ensureTools()
 */
import { ensureChromium } from './chromium.ts'
import { ensureLivekitServer } from './livekit-install.ts'
import { ensureS3Server } from './s3-install.ts'
import { ensureSchemathesis } from './schemathesis.ts'

export function ensureTools(): void {
  try {
    ensureLivekitServer()
    ensureS3Server()
    ensureChromium()
    ensureSchemathesis()
  } catch (err) {
    console.error(`setup failed: ${(err as Error).message}`)
    process.exit(1)
  }
}
