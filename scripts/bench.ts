/**
 * `npm run bench`: runs every benchmark and prints one table (figure, value, comparison). Figures
 * are measurements, not pass/fail: each comes with the baseline or percentiles that make it
 * meaningful. `npm run bench -- <name>` runs the benchmarks whose name contains <name>.
 */
import { printTable, type Benchmark, type Row } from '../test/bench/harness.ts'
import { callCost } from '../test/bench/call-cost.bench.ts'
import { chatFanout } from '../test/bench/chat-fanout.bench.ts'
import { chatInserts } from '../test/bench/chat-inserts.bench.ts'
import { chatOpen } from '../test/bench/chat-open.bench.ts'
import { coldStart } from '../test/bench/cold-start.bench.ts'
import { editorDrag } from '../test/bench/editor-drag.bench.ts'
import { editPropagation } from '../test/bench/edit-propagation.bench.ts'
import { whiteboardStroke } from '../test/bench/whiteboard-stroke.bench.ts'
import { calendarWeek } from '../test/bench/calendar-week.bench.ts'
import { cacheWrite } from '../test/bench/cache-write.bench.ts'
import { floorRender } from '../test/bench/floor-render.bench.ts'
import { idle } from '../test/bench/idle.bench.ts'
import { presenceCluster } from '../test/bench/presence-cluster.bench.ts'
import { presenceLatency } from '../test/bench/presence-latency.bench.ts'
import { roomEntry } from '../test/bench/room-entry.bench.ts'
import { scaleOut } from '../test/bench/scale-out.bench.ts'
import { signInAttack } from '../test/bench/sign-in-attack.bench.ts'
import { stageListeners } from '../test/bench/stage-listeners.bench.ts'
import { startupBundle } from '../test/bench/startup-bundle.bench.ts'
import { serverLoad } from '../test/bench/tokens.bench.ts'
import { ensureChromium } from './lib/chromium.ts'
import { ensureLivekitServer } from './lib/livekit-install.ts'
import { bin, step } from './lib/run-step.ts'

const benchmarks: Benchmark[] = [serverLoad, scaleOut, signInAttack, roomEntry, callCost, stageListeners, floorRender, editorDrag, presenceLatency, presenceCluster, editPropagation, startupBundle, coldStart, idle, chatInserts, chatOpen, chatFanout, whiteboardStroke, calendarWeek, cacheWrite]

const filter = process.argv[2]
ensureLivekitServer()
ensureChromium()
if (!step('build (electron-vite)', bin('electron-vite'), ['build', '--logLevel', 'warn'])) process.exit(1)

const rows: Row[] = []
for (const b of benchmarks.filter((x) => !filter || x.name.includes(filter))) {
  console.log(`\n▶ ${b.name}`)
  const started = Date.now()
  try {
    rows.push(...(await b.run()))
  } catch (err) {
    rows.push({ figure: b.name, value: 'failed', comparison: (err as Error).message.split('\n')[0] ?? '' })
  }
  console.log(`  done in ${((Date.now() - started) / 1000).toFixed(1)} s`)
}
console.log('')
printTable(rows)
