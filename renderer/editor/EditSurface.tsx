/**
 * The editing layer over the floor plan (hosts, while Edit floor is on): pointer input for the
 * select tool, selection outlines, a room's resize handles and the marquee. A drag moves the
 * selected elements with CSS translate outside React (hundreds of desks at pointer rate), and the
 * whole drag commits as one gesture on release.
 */
import { memo, useMemo, useRef, useState, type PointerEvent } from 'react'
import { applyBatch } from '../../protocol/floor/apply.ts'
import { DESK_SIZE } from '../../protocol/floor/geometry.ts'
import type { FloorOp } from '../../protocol/floor/ops.ts'
import type { Floor } from '../../protocol/floor/records.ts'
import { furnitureBox } from '../floor/furniture-kinds.ts'
import { handlePoint, handles, type Handle, type Rect } from './tools/hit.ts'
import { createSelectTool } from './tools/select-tool.ts'
import { useEditor, useEditorState } from './useEditor.ts'
import { useEditorKeys } from './useEditorKeys.ts'

const HANDLE = 10

function Outline(props: { id: string; box: Rect; room: boolean }) {
  const { box } = props
  return <div className={`edit-outline${props.room ? ' edit-outline-room' : ''}`} data-outline data-outline-of={props.id} style={{ left: box.x, top: box.y, width: box.width, height: box.height }} />
}

export const EditSurface = memo(function EditSurface(props: { floor: Floor }) {
  const editor = useEditor()
  // Mounted only while editing, so the editor's keys (and arrange.ts with them) load with it.
  useEditorKeys(editor, true)
  const selection = useEditorState((s) => s.selection)
  const snap = useEditorState((s) => s.snap)
  const grid = useEditorState((s) => s.grid)
  const surface = useRef<HTMLDivElement>(null)
  const [marquee, setMarquee] = useState<Rect | null>(null)
  const [resized, setResized] = useState<Floor | null>(null)
  const shown = resized ?? props.floor
  const latest = useRef({ floor: shown, snap, grid })
  latest.current = { floor: props.floor, snap, grid }

  const ghost = useRef<HTMLDivElement>(null)
  const tool = useMemo(() => {
    // A drag moves one layer, not each selected element: at its start the selected desks, rooms and
    // outlines are copied once into a `will-change: transform` layer and the originals hidden; each
    // move then sets one transform (no restyle or repaint of hundreds of elements per frame).
    let hidden: HTMLElement[] | null = null
    // Furniture is drawn, not a button: its few <use>s are moved in place by the CSS `translate`
    // property, which composes with their transform attribute (floor units = CSS px in the floor).
    let pieces: SVGElement[] = []
    const startDrag = () => {
      const ids = new Set(editor.store.getState().selection)
      const layer = ghost.current
      const floorEl = surface.current?.parentElement
      const all = floorEl?.querySelectorAll<HTMLElement>('[data-roving], [data-outline]') ?? []
      pieces = [...(floorEl?.querySelectorAll<SVGElement>('use[data-furniture]') ?? [])].filter((el) => ids.has(el.dataset.furniture ?? ''))
      hidden = [...all].filter((el) => ids.has(el.dataset.roving ?? el.dataset.outlineOf ?? ''))
      for (const el of hidden) {
        layer?.appendChild(el.cloneNode(true))
        el.style.visibility = 'hidden'
      }
    }
    const endDrag = () => {
      for (const el of hidden ?? []) el.style.visibility = ''
      for (const el of pieces) el.style.translate = ''
      hidden = null
      pieces = []
      if (ghost.current) {
        ghost.current.replaceChildren()
        ghost.current.style.transform = ''
      }
    }
    return createSelectTool({
      floor: () => latest.current.floor,
      selection: () => editor.store.getState().selection,
      select: (ids, mode) => editor.select(ids, mode),
      grid: () => (latest.current.snap ? latest.current.grid : undefined),
      drag(offset) {
        if (!offset) return endDrag()
        if (!hidden) startDrag()
        if (ghost.current) ghost.current.style.transform = `translate(${offset.dx}px, ${offset.dy}px)`
        for (const el of pieces) el.style.translate = `${offset.dx}px ${offset.dy}px`
      },
      previewOps(ops: readonly FloorOp[] | null) {
        const result = ops && applyBatch(latest.current.floor, ops, { isMember: () => true })
        setResized(result && result.ok ? result.floor : null)
      },
      marquee: setMarquee,
      commit: (ops) => void editor.apply(ops),
    })
  }, [editor])

  const at = (e: PointerEvent) => {
    const rect = surface.current!.getBoundingClientRect()
    const zoom = rect.width / latest.current.floor.width
    return { x: (e.clientX - rect.left) / zoom, y: (e.clientY - rect.top) / zoom, shift: e.shiftKey }
  }
  const selected = new Set(selection)
  const rooms = shown.rooms.filter((r) => selected.has(r.id))
  const desks = shown.desks.filter((d) => selected.has(d.id))
  const furniture = (shown.furniture ?? []).filter((f) => selected.has(f.id))
  const single = rooms.length === 1 && desks.length === 0 && furniture.length === 0 ? rooms[0]! : null

  return (
    <div
      ref={surface}
      className="edit-surface"
      aria-hidden="true"
      onPointerDown={(e) => {
        if (e.button !== 0) return
        e.stopPropagation()
        surface.current!.setPointerCapture(e.pointerId)
        const handle = (e.target as HTMLElement).dataset.handle as Handle | undefined
        tool.pointerDown(at(e), handle && single ? { id: single.id, handle } : undefined)
      }}
      onPointerMove={(e) => tool.pointerMove(at(e))}
      onPointerUp={(e) => tool.pointerUp(at(e))}
      onPointerCancel={() => tool.cancel()}
    >
      {rooms.map((r) => (
        <Outline key={r.id} id={r.id} box={r} room />
      ))}
      {desks.map((d) => (
        <Outline key={d.id} id={d.id} box={{ x: d.x - DESK_SIZE / 2 - 3, y: d.y - DESK_SIZE / 2 - 3, width: DESK_SIZE + 6, height: DESK_SIZE + 6 }} room={false} />
      ))}
      {furniture.map((f) => {
        const b = furnitureBox(f)
        return <Outline key={f.id} id={f.id} box={{ x: b.x - 3, y: b.y - 3, width: b.width + 6, height: b.height + 6 }} room={false} />
      })}
      {single &&
        handles.map((h) => {
          const p = handlePoint(single, h)
          return <div key={h} data-handle={h} className={`edit-handle edit-handle-${h}`} style={{ left: p.x - HANDLE / 2, top: p.y - HANDLE / 2, width: HANDLE, height: HANDLE }} />
        })}
      <div ref={ghost} className="edit-ghost" />
      {marquee && <div className="edit-marquee" style={{ left: marquee.x, top: marquee.y, width: marquee.width, height: marquee.height }} />}
    </div>
  )
})
