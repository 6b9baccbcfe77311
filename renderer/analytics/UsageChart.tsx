/**
 * The usage plot: people, desks, rooms and companies per bucket, drawn by uPlot on a canvas. The
 * canvas is an image to assistive technology, named by its summary; the same figures are in the
 * table beside it (UsageDialog), which is what a screen reader reads.
 */
import { useEffect, useRef } from 'react'
import uPlot from 'uplot'
import 'uplot/dist/uPlot.min.css'
import type { Usage } from '../../protocol/analytics.ts'

/** Series colours from the theme's tokens, read when the chart is built. */
const token = (name: string, fallback: string) => getComputedStyle(document.documentElement).getPropertyValue(name).trim() || fallback

export function UsageChart({ usage, label }: { usage: Usage; label: string }) {
  const box = useRef<HTMLDivElement>(null)
  useEffect(() => {
    const el = box.current
    if (!el) return
    const width = Math.max(320, el.clientWidth)
    const series = (name: string, colour: string): uPlot.Series => ({ label: name, stroke: colour, width: 2, points: { show: usage.starts.length < 60 } })
    const plot = new uPlot(
      {
        width,
        height: 240,
        scales: { x: { time: true } },
        axes: [{ stroke: token('--text-muted', '#555') }, { stroke: token('--text-muted', '#555'), grid: { stroke: token('--line', '#ddd') } }],
        series: [
          {},
          series('People online', token('--accent', '#1971c2')),
          series('Desks used', token('--status-available', '#2f9e44')),
          series('Rooms used', token('--status-away', '#e8590c')),
          series('Companies', token('--danger', '#c2255c')),
        ],
      },
      [usage.starts.map((t) => t / 1_000), usage.people, usage.desks, usage.rooms, usage.companies],
      el,
    )
    return () => plot.destroy()
  }, [usage])
  return <div ref={box} className="usage-chart" role="img" aria-label={label} />
}
