/**
 * CPU time from /proc, to say which resource a benchmark saturates first: the machine as a whole
 * (/proc/stat), each process this benchmark started (by its process tree), the main thread of the
 * ones that matter (a Node process cannot do more JavaScript than one core), and everything else
 * on the machine. Linux only, like the rest of the benchmarks' harness.
 */
import { execFileSync } from 'node:child_process'
import { readdirSync, readFileSync } from 'node:fs'

export const TICKS_PER_SECOND = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100

interface ProcStat {
  name: string
  ppid: number
  /** utime + stime, in clock ticks. */
  ticks: number
}

/** One line of /proc/<pid>/stat. The name is in parentheses and may hold spaces and parentheses itself. */
export function parseProcStat(line: string): ProcStat {
  const close = line.lastIndexOf(')')
  const fields = line.slice(close + 2).split(' ')
  // After the name: state, ppid, …; utime and stime are fields 14 and 15 of the line (man 5 proc).
  return { name: line.slice(line.indexOf('(') + 1, close), ppid: Number(fields[1]), ticks: Number(fields[11]) + Number(fields[12]) }
}

/** The first line of /proc/stat: ticks the CPUs were busy (steal included: not ours to use) and in all. */
export function parseMachineStat(text: string): { busy: number; total: number; cores: number } {
  const [user, nice, system, idle, iowait, irq, softirq, steal] = text.split('\n')[0]!.trim().split(/\s+/).slice(1, 9).map(Number) as number[]
  const total = user! + nice! + system! + idle! + iowait! + irq! + softirq! + steal!
  return { busy: total - idle! - iowait!, total, cores: text.split('\n').filter((l) => /^cpu\d+ /.test(l)).length }
}

export interface CpuSample {
  at: number
  machine: { busy: number; cores: number }
  processes: Map<number, ProcStat>
  /** Ticks of the main thread of the processes asked for. */
  mainThreads: Map<number, number>
}

const read = (path: string) => {
  try {
    return readFileSync(path, 'utf8')
  } catch {
    return null // the process ended between the listing and the read
  }
}

export function sampleCpu(mainThreadsOf: readonly number[] = []): CpuSample {
  const processes = new Map<number, ProcStat>()
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue
    const line = read(`/proc/${entry}/stat`)
    if (line) processes.set(Number(entry), parseProcStat(line))
  }
  const mainThreads = new Map<number, number>()
  for (const pid of mainThreadsOf) {
    const line = read(`/proc/${pid}/task/${pid}/stat`)
    if (line) mainThreads.set(pid, parseProcStat(line).ticks)
  }
  return { at: performance.now(), machine: parseMachineStat(readFileSync('/proc/stat', 'utf8')), processes, mainThreads }
}

export interface CpuUse {
  /** Cores busy on the whole machine, on average over the interval, and how many it has. */
  machine: number
  cores: number
  /** Cores used by each named process (with its descendants), busiest first. */
  groups: { name: string; cores: number; mainThread: number | null }[]
  /** Cores used by processes outside this benchmark's tree (other work on the machine). */
  outside: number
}

/**
 * CPU used between two samples. Every process under `root` counts for the nearest named process
 * above it (itself included); the unnamed children of `root` (Chromium, redis-server) name their
 * own subtree. A process that ended between the samples is not counted.
 */
export function cpuBetween(before: CpuSample, after: CpuSample, named: Record<string, number>, root = process.pid): CpuUse {
  const seconds = (after.at - before.at) / 1000
  const cores = (ticks: number) => Math.max(0, ticks) / TICKS_PER_SECOND / seconds
  const nameOf = new Map(Object.entries(named).map(([name, pid]) => [pid, name]))
  const groupOf = (pid: number): string | null => {
    for (let at = pid, depth = 0; depth < 64; depth++) {
      const own = nameOf.get(at)
      if (own) return own
      const p = after.processes.get(at)
      if (!p) return null
      if (p.ppid === root) return p.name
      at = p.ppid
    }
    return null
  }
  const totals = new Map<string, number>()
  let mine = 0
  for (const [pid, p] of after.processes) {
    const group = groupOf(pid)
    if (group === null) continue
    const used = p.ticks - (before.processes.get(pid)?.ticks ?? 0)
    totals.set(group, (totals.get(group) ?? 0) + used)
    mine += used
  }
  const mainThread = (name: string) => {
    const pid = named[name]
    const [a, b] = pid === undefined ? [] : [before.mainThreads.get(pid), after.mainThreads.get(pid)]
    return a === undefined || b === undefined ? null : cores(b - a)
  }
  const groups = [...totals].map(([name, ticks]) => ({ name, cores: cores(ticks), mainThread: mainThread(name) })).sort((x, y) => y.cores - x.cores)
  const machineTicks = after.machine.busy - before.machine.busy
  // /proc/stat and /proc/<pid>/stat are not read at the same instant: keep `outside` from going negative.
  return { machine: cores(machineTicks), cores: after.machine.cores, groups, outside: cores(machineTicks - mine) }
}

/** "machine 1.62/2 cores: crowd 0.81 (main thread 0.64), livekit 0.40, …, outside 0.12" */
export function formatCpu(use: CpuUse): string {
  const parts = use.groups
    .filter((g) => g.cores >= 0.01)
    .map((g) => `${g.name} ${g.cores.toFixed(2)}${g.mainThread === null ? '' : ` (main thread ${g.mainThread.toFixed(2)})`}`)
  return `machine ${use.machine.toFixed(2)}/${use.cores} cores: ${[...parts, `outside ${use.outside.toFixed(2)}`].join(', ')}`
}
