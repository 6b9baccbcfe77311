/**
 * `npm run setup`: installs everything `npm test` and `npm start` need, without running anything — the
 * pinned livekit-server and S3 gateway, Debian's Chromium and the pinned schemathesis. `npm test`
 * does the same on its own; this is for preparing a machine ahead of time (or warming a CI cache).
 */
import { ensureChromium } from './lib/chromium.ts'
import { ensureLivekitServer } from './lib/livekit-install.ts'
import { ensureS3Server } from './lib/s3-install.ts'
import { ensureSchemathesis } from './lib/schemathesis.ts'

try {
  ensureLivekitServer()
  ensureS3Server()
  ensureChromium()
  ensureSchemathesis()
  console.log('setup: ready')
} catch (err) {
  console.error(`setup failed: ${(err as Error).message}`)
  process.exit(1)
}
