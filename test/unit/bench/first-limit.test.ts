import { describe, expect, it } from 'vitest'
import { cpuBetween, parseMachineStat, parseProcStat, TICKS_PER_SECOND, type CpuSample, type CpuUse } from '../../bench/cpu-use.ts'
import { firstLimit, type Phase } from '../../bench/first-limit.ts'

const stat = (pid: number, name: string, ppid: number, utime: number, stime = 0) => `${pid} (${name}) S ${ppid} ${pid} ${pid} 0 -1 4194560 100 0 0 0 ${utime} ${stime} 0 0 20 0 1 0 1 0 0`

describe('reading /proc', () => {
  it('takes the name whole, even with spaces and parentheses, and the fields after it', () => {
    expect(parseProcStat(stat(42, 'Web Content (x)', 7, 300, 45))).toEqual({ name: 'Web Content (x)', ppid: 7, ticks: 345 })
  })

  it('counts steal as busy and iowait as idle, and counts the CPUs', () => {
    const text = 'cpu  100 10 50 800 20 5 5 10 0 0\ncpu0 50 5 25 400 10 2 3 5 0 0\ncpu1 50 5 25 400 10 3 2 5 0 0\nintr 1\n'
    expect(parseMachineStat(text)).toEqual({ busy: 180, total: 1000, cores: 2 })
  })
})

describe('CPU between two samples', () => {
  const sample = (at: number, busy: number, procs: [number, string, number, number][], mains: [number, number][] = []): CpuSample => ({
    at,
    machine: { busy, cores: 2 },
    processes: new Map(procs.map(([pid, name, ppid, ticks]) => [pid, { name, ppid, ticks }])),
    mainThreads: new Map(mains),
  })
  const t = TICKS_PER_SECOND

  it('counts each process for its nearest named ancestor, names the other children by their own name, and the rest as outside', () => {
    const before = sample(0, 0, [[10, 'node', 1, 0], [11, 'node', 10, 0], [12, 'chromium', 10, 0], [13, 'chromium', 12, 0], [99, 'other', 1, 0]], [[11, 0]])
    // Over 2 s: the crowd 1 core (0.8 of it its main thread), Chromium 0.25 + 0.25, this process 0.1, the machine 1.9.
    const after = sample(2000, 3.8 * t, [[10, 'node', 1, 0.2 * t], [11, 'node', 10, 2 * t], [12, 'chromium', 10, 0.5 * t], [13, 'chromium', 12, 0.5 * t], [99, 'other', 1, 5 * t]], [[11, 1.6 * t]])
    const use = cpuBetween(before, after, { bench: 10, crowd: 11 }, 10)
    expect(use.groups.map((g) => [g.name, +g.cores.toFixed(2), g.mainThread === null ? null : +g.mainThread.toFixed(2)])).toEqual([
      ['crowd', 1, 0.8],
      ['chromium', 0.5, null],
      ['bench', 0.1, null],
    ])
    expect(+use.machine.toFixed(2)).toBe(1.9)
    expect(+use.outside.toFixed(2)).toBe(0.3)
  })
})

describe('the first limit', () => {
  const group = (name: string, cores: number, mainThread: number | null = null) => ({ name, cores, mainThread })
  const cpu = (machine: number, groups: CpuUse['groups'] = [], outside = 0): CpuUse => ({ machine, cores: 2, groups, outside })
  const phase = (setup: string, kind: Phase['kind'], size: number, use: CpuUse, more: Partial<Phase> = {}): Phase => ({ setup, kind, size, cpu: use, ...more })

  it('counts a full machine while connecting, but only its own processes in the steady state, and says how the steady state grew', () => {
    const limit = firstLimit([
      phase('one node', 'connecting', 100, cpu(1.96, [group('crowd', 0.6), group('livekit', 0.3)], 1.0)),
      phase('one node', 'changes', 100, cpu(1.8, [group('crowd', 0.1), group('livekit', 0.1)], 1.6)),
      phase('one node', 'connecting', 500, cpu(1.9, [group('crowd', 0.9), group('livekit', 0.3)], 0.7)),
      phase('one node', 'changes', 500, cpu(1.1, [group('crowd', 0.6), group('livekit', 0.3)], 0.2)),
    ])
    expect(limit.value).toBe("connecting: the machine's CPUs from 100 members; changes: none up to 500 members")
    expect(limit.comparison).toBe(
      "one node, connecting up to 100: the machine's CPUs (machine 1.96/2 cores: crowd 0.60, livekit 0.30, outside 1.00); " +
        'one node: during the changes this benchmark used 0.20 → 0.90 of 2 cores, most of it crowd (0.10 → 0.60); ' +
        'other work on this machine: up to 1.60 cores',
    )
  })

  it('is the smallest size where something is reached, naming everything reached there', () => {
    const limit = firstLimit([
      phase('one node', 'changes', 500, cpu(1.95, [group('crowd', 1.5), group('livekit', 0.4)])),
      phase('two nodes', 'changes', 250, cpu(1.0, [group('crowd', 0.95, 0.93)]), { missed: 2, changes: 30 }),
      phase('one node', 'changes', 250, cpu(1.0, [group('crowd', 0.95, 0.5)])),
      phase('two nodes', 'connecting', 500, cpu(1.2), { failed: 'member 301: timeout' }),
    ])
    expect(limit.value).toBe("connecting: failed connects from 500 members; changes: changes not seen, crowd's main thread from 250 members")
    expect(limit.comparison).toMatch(/^two nodes, connecting up to 500: failed connects \(member 301: timeout\); two nodes, changes at 250: changes not seen \(the observer missed 2 of 30\); two nodes, changes at 250: crowd's main thread \(0.93 of one core\); /)
  })
})
