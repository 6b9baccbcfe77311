/**
 * Scaling out the server (issue 9): room-token requests per second and their p99 at 200 concurrent
 * connections through haproxy, with one server instance behind it and then two, both on the same
 * PostgreSQL, measured in the same run. The goal is near-linear: two give at least 1.6× one. Each
 * instance is its own process; autocannon, haproxy, PostgreSQL and LiveKit share the machine with
 * them, and the CPU each used is printed, since on a small machine that is the first limit.
 */
import autocannon from 'autocannon'
import { readFileSync } from 'node:fs'
import { availableParallelism } from 'node:os'
import type { SignedIn } from '../../protocol/api.ts'
import { startHaproxy } from '../support/haproxy.ts'
import { httpClient } from '../support/http.ts'
import { startLivekit } from '../support/livekit.ts'
import { startPostgres } from '../support/postgres.ts'
import { startServerProcess, type ServerProcess } from '../support/server-process.ts'
import { tempDir } from '../support/temp.ts'
import { parseMachineStat, parseProcStat, TICKS_PER_SECOND } from './cpu-use.ts'
import { ms, type Benchmark, type Row } from './harness.ts'

const CONNECTIONS = 200
const DURATION_S = 10

const cpuSecondsOf = (pid: number) => parseProcStat(readFileSync(`/proc/${pid}/stat`, 'utf8')).ticks / TICKS_PER_SECOND
const machineStat = () => parseMachineStat(readFileSync('/proc/stat', 'utf8'))

interface Run {
  perSecond: number
  p50: number
  p99: number
  failed: number
  cpu: string
  /** Cores of the whole machine busy during the run (all processes). */
  machine: string
}

export const scaleOut: Benchmark = {
  name: 'scale-out: room tokens, one instance against two on PostgreSQL behind haproxy',
  async run() {
    const postgres = await startPostgres()
    const livekit = await startLivekit()
    const dirs = [tempDir('bench-scale-a-'), tempDir('bench-scale-b-')]
    const instances: ServerProcess[] = []
    try {
      const databaseUrl = await postgres.createDatabase()
      for (const dir of dirs) instances.push(await startServerProcess({ dataDir: dir.path, livekit, env: { DATABASE_URL: databaseUrl } }))
      const http = httpClient(instances[0]!.url)
      const owner = (await http.post<SignedIn>('/api/workspaces', { name: 'Bench', owner: { name: 'Owner', email: 'owner@example.com', password: 'owner-password' } })).body
      const path = `/api/workspaces/${owner.workspace.id}/rooms/room_meeting/token`

      const measure = async (behind: ServerProcess[]): Promise<Run> => {
        const proxy = await startHaproxy({ backends: behind.map((s) => s.url) })
        try {
          const before = behind.map((s) => cpuSecondsOf(s.child.pid!))
          const machineBefore = machineStat()
          const opts = { url: `${proxy.url}${path}`, method: 'POST' as const, headers: { authorization: `Bearer ${owner.session.token}` }, connections: CONNECTIONS }
          await autocannon({ ...opts, duration: 2 }) // warm up the JIT and the pools
          const result = await autocannon({ ...opts, duration: DURATION_S })
          const used = behind.map((s, i) => cpuSecondsOf(s.child.pid!) - before[i]!)
          const machineAfter = machineStat()
          const busy = ((machineAfter.busy - machineBefore.busy) / (machineAfter.total - machineBefore.total)) * machineAfter.cores
          return {
            perSecond: result.requests.average,
            p50: result.latency.p50,
            p99: result.latency.p99,
            failed: result.non2xx + result.errors,
            cpu: used.map((s) => `${((s / (DURATION_S + 2)) * 100).toFixed(0)}%`).join(' + '),
            machine: `${busy.toFixed(2)} of ${machineAfter.cores} cores`,
          }
        } finally {
          await proxy.stop()
        }
      }
      const one = await measure(instances.slice(0, 1))
      const two = await measure(instances)
      const row = (n: number, r: Run): Row => ({
        figure: `room tokens through haproxy, ${n} instance${n > 1 ? 's' : ''} on PostgreSQL, ${CONNECTIONS} concurrent (${DURATION_S} s)`,
        value: `${Math.round(r.perSecond)} req/s, p50 ${ms(r.p50)}, p99 ${ms(r.p99)}`,
        comparison: `${r.failed} non-2xx or errors; instance CPU ${r.cpu} of one core; the machine ${r.machine} busy`,
      })
      return [
        row(1, one),
        row(2, two),
        {
          figure: 'scale-out: two instances against one',
          value: `${(two.perSecond / one.perSecond).toFixed(2)}× the requests per second, p99 ${(two.p99 / one.p99).toFixed(2)}×`,
          comparison: `goal ≥ 1.6×; this machine has ${availableParallelism()} cores for both instances, haproxy, PostgreSQL, LiveKit and the load generator`,
        },
      ]
    } finally {
      await Promise.all(instances.map((s) => s.stop()))
      await livekit.stop()
      await postgres.stop()
      for (const dir of dirs) dir.remove()
    }
  },
}
