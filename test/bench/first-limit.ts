/**
 * Which limit a load benchmark reaches first as it grows, read from measurements only: failed
 * connects, changes the observer never saw, one Node process's main thread (its JavaScript runs on
 * one core), or the machine's CPUs. A value at or above 90 % of its ceiling counts as reached.
 * Connecting is a batch that takes all the CPU it can get, so there the whole machine counts;
 * in the steady state only this benchmark's own processes do: other work on a shared machine is
 * not the set-up's limit (it is said beside the verdict).
 */
import { formatCpu, type CpuUse } from './cpu-use.ts'

const SATURATED = 0.9

export interface Phase {
  /** The set-up measured, e.g. "two nodes". */
  setup: string
  kind: 'connecting' | 'changes'
  /** Members present at the end of the phase; phases are compared by it, smallest first. */
  size: number
  cpu: CpuUse
  failed?: string | null
  /** Changes the observer did not see in time, of `changes`. */
  missed?: number
  changes?: number
}

const what = (p: Phase) => `${p.setup}, ${p.kind === 'connecting' ? 'connecting up to' : 'changes at'} ${p.size}`
/** Cores used by the benchmark's own processes (never more than the machine was seen to use). */
const own = (u: CpuUse) => Math.min(u.machine, u.groups.reduce((sum, g) => sum + g.cores, 0))

/** Limits reached in one phase: a short name for the verdict, and the figures behind it. */
function limitsIn(p: Phase): { name: string; detail: string }[] {
  const machine = p.kind === 'connecting' ? p.cpu.machine : own(p.cpu)
  return [
    ...(p.failed ? [{ name: 'failed connects', detail: p.failed }] : []),
    ...(p.missed ? [{ name: 'changes not seen', detail: `the observer missed ${p.missed} of ${p.changes ?? '?'}` }] : []),
    ...(machine >= SATURATED * p.cpu.cores ? [{ name: "the machine's CPUs", detail: formatCpu(p.cpu) }] : []),
    ...p.cpu.groups.filter((g) => (g.mainThread ?? 0) >= SATURATED).map((g) => ({ name: `${g.name}'s main thread`, detail: `${g.mainThread!.toFixed(2)} of one core` })),
  ]
}

/** Per set-up, what it used during the changes as it grew, and its largest consumer at the largest size. */
function growth(phases: readonly Phase[]): string[] {
  return [...new Set(phases.map((p) => p.setup))].flatMap((setup) => {
    const steady = phases.filter((p) => p.setup === setup && p.kind === 'changes').sort((a, b) => a.size - b.size)
    const top = steady.at(-1)?.cpu.groups[0]
    if (!top) return []
    const path = steady.map((p) => (p.cpu.groups.find((g) => g.name === top.name)?.cores ?? 0).toFixed(2)).join(' → ')
    return [`${setup}: during the changes this benchmark used ${steady.map((p) => own(p.cpu).toFixed(2)).join(' → ')} of ${steady[0]!.cpu.cores} cores, most of it ${top.name} (${path})`]
  })
}

/**
 * For connecting and for the steady state (the changes) apart: the smallest size at which a limit
 * was reached, named in `value`, with the figures of every phase that reached it at that size.
 */
export function firstLimit(phases: readonly Phase[]): { value: string; comparison: string } {
  const largest = Math.max(0, ...phases.map((p) => p.size))
  const verdicts: string[] = []
  const details: string[] = []
  for (const kind of ['connecting', 'changes'] as const) {
    const ofKind = phases.filter((p) => p.kind === kind)
    const size = [...new Set(ofKind.map((p) => p.size))].sort((a, b) => a - b).find((n) => ofKind.some((p) => p.size === n && limitsIn(p).length))
    if (size === undefined) {
      verdicts.push(`${kind}: none up to ${largest} members`)
      continue
    }
    const hits = ofKind.filter((p) => p.size === size).flatMap((p) => limitsIn(p).map((l) => ({ ...l, where: what(p) })))
    verdicts.push(`${kind}: ${[...new Set(hits.map((h) => h.name))].join(', ')} from ${size} members`)
    details.push(...hits.map((h) => `${h.where}: ${h.name} (${h.detail})`))
  }
  const outside = Math.max(0, ...phases.map((p) => p.cpu.outside))
  return { value: verdicts.join('; '), comparison: [...details, ...growth(phases), `other work on this machine: up to ${outside.toFixed(2)} cores`].join('; ') }
}
