/**
 * `npm run screens:update`: writes the visual-regression baselines (test/e2e/screens/*.png) anew
 * from the current build, on purpose: look at them (git diff shows which changed) before committing.
 */
import { ensureChromium } from './lib/chromium.ts'
import { ensureLivekitServer } from './lib/livekit-install.ts'
import { bin, step } from './lib/run-step.ts'

ensureLivekitServer()
ensureChromium()
if (!step('build (electron-vite)', bin('electron-vite'), ['build', '--logLevel', 'warn'])) process.exit(1)
process.env.OFFICE_UPDATE_SCREENS = '1'
const ok = step('screens (writing baselines)', bin('vitest'), ['run', 'test/e2e/visual.test.ts'])
process.exit(ok ? 0 : 1)
