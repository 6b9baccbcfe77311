/** The benchmark table: each benchmark returns rows; `npm run bench` prints them together. */
export interface Row {
  figure: string
  value: string
  /** What makes the value meaningful: a ratio against a baseline from the same run, or percentiles. */
  comparison: string
}

export interface Benchmark {
  name: string
  run(): Promise<Row[]>
}

export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))
  return sorted[index]!
}

export const summary = (values: readonly number[]) => {
  const sorted = [...values].sort((a, b) => a - b)
  return { p50: percentile(sorted, 50), p95: percentile(sorted, 95), p99: percentile(sorted, 99), min: sorted[0] ?? NaN, max: sorted.at(-1) ?? NaN, n: sorted.length }
}

export const ms = (v: number) => `${v < 10 ? v.toFixed(2) : v.toFixed(1)} ms`

export function printTable(rows: readonly Row[]): void {
  const header: Row = { figure: 'figure', value: 'value', comparison: 'comparison' }
  const all = [header, ...rows]
  const w = (k: keyof Row) => Math.max(...all.map((r) => r[k].length))
  const line = (r: Row) => `| ${r.figure.padEnd(w('figure'))} | ${r.value.padEnd(w('value'))} | ${r.comparison.padEnd(w('comparison'))} |`
  console.log(line(header))
  console.log(`| ${'-'.repeat(w('figure'))} | ${'-'.repeat(w('value'))} | ${'-'.repeat(w('comparison'))} |`)
  for (const r of rows) console.log(line(r))
}
