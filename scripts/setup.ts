/**
 * `npm run setup`: installs everything `npm test` and `npm start` need, without running anything — the
 * pinned livekit-server and S3 gateway, Debian's Chromium and the pinned schemathesis. `npm test`
 * does the same on its own; this is for preparing a machine ahead of time (or warming a CI cache).
 */
import { ensureTools } from './lib/tools.ts'

ensureTools()
console.log('setup: ready')
