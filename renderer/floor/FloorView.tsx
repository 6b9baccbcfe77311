/**
 * The floor plan: rooms, desks and people as three keyboard groups over a zoomable, pannable
 * camera. Click or Enter on a room or desk walks there; a click on empty floor walks to that spot;
 * a person opens their actions. Movement is drawn by the motion engine, not by re-rendering.
 * Find me centres the view on your avatar; a minimap shows where the view is once the floor no
 * longer fits in the window.
 */
import { usePrefetchWhenIdle } from '../ui/usePrefetchWhenIdle.ts'
import { Suspense, useCallback, useLayoutEffect, useMemo, useState, type MouseEvent as ReactMouseEvent } from 'react'
import { useFloor, useOffice, usePresence, useSession } from '../app/context.tsx'
import { usePhotoUrls } from '../directory/photos.ts'
import { useEditor, useEditorState } from '../editor/useEditor.ts'
import { currentFloor, deskOfMember } from '../stores/floor/selectors.ts'
import { displayName, occupancyCounts, roomsByMember } from '../stores/presence/selectors.ts'
import { overflows } from './camera.ts'
import { CameraControls } from './CameraControls.tsx'
import { DesksLayer } from './DesksLayer.tsx'
import { floorPaintedOnce, markFloorPainted, useAfterFloorPaint } from './first-paint.ts'
import { deskName, personName } from './labels.ts'
import { PeopleLayer, type PersonView } from './PeopleLayer.tsx'
import { RoomsLayer } from './RoomsLayer.tsx'
import { useCamera } from './useCamera.ts'
import { useWalkersCanvas } from './useWalkersCanvas.ts'
import { useFloorKeys } from './useFloorKeys.ts'
import { usePointerCamera } from './usePointerCamera.ts'
import { lazyPart } from '../ui/lazy-part.ts'
import { sameEntries, useStableValue } from '../ui/useStableValue.ts'

const GREY = '#868e96'
/** The editing layer loads with the editor, when a host first turns on Edit floor. */
const EditSurface = lazyPart(() => import('../editor/EditSurface.tsx').then((m) => ({ default: m.EditSurface })))
// A person's card shows on a click and the minimap only on a floor larger than the window: both
// load on demand (the start-up bundle has a budget), the card's chunk fetched once the floor is idle.
const loadPersonCard = () => import('./PersonCard.tsx')
const PersonCard = lazyPart(() => loadPersonCard().then((m) => ({ default: m.PersonCard })))
// Furniture hosts placed: most floors have none, so its drawing is not in the start-up bundle.
const loadFurniture = () => import('./FurnitureLayer.tsx')
const FurnitureLayer = lazyPart(() => loadFurniture().then((m) => ({ default: m.FurnitureLayer })))
const FurnitureDefs = lazyPart(() => loadFurniture().then((m) => ({ default: m.FurnitureDefs })))
const Minimap = lazyPart(() => import('./Minimap.tsx').then((m) => ({ default: m.Minimap })))
// Issue 14: the marks of what places hold, and a room's or desk's card (a right-click or Shift+F10 on it).
const FloorPlaces = lazyPart(() => import('../places/FloorPlaces.tsx').then((m) => ({ default: m.FloorPlaces })))
/** Below this zoom name tags are unreadable specks: only your own shows (people.css). */
const FAR_ZOOM = 0.6

/**
 * Marks the first floor on screen (first-paint.ts): after the DOM is in (layout effect), the next
 * frame paints it, and the first task after that frame runs once it has been painted.
 */
function useFloorPaintedMark(shown: boolean) {
  useLayoutEffect(() => {
    if (!shown || floorPaintedOnce()) return
    requestAnimationFrame(() => setTimeout(markFloorPainted, 0))
  }, [shown])
}

export function FloorView() {
  usePrefetchWhenIdle(loadPersonCard)
  const office = useOffice()
  const editor = useEditor()
  const editing = useEditorState((s) => s.editing)
  const preview = useEditorState((s) => s.preview)
  const selection = useEditorState((s) => s.selection)
  const live = useFloor(currentFloor)
  // While editing, a host sees their edits in flight and their draft; everyone else the confirmed floor.
  const floor = editing && preview?.id === live?.id ? preview : live
  const selectedSet = useMemo(() => (editing ? new Set(selection) : undefined), [editing, selection])
  const floors = useFloor((s) => s.floors)
  const selectFloor = useFloor((s) => s.selectFloor)
  const members = useFloor((s) => s.members)
  // Profile photos (issue 13), fetched with the session's token; initials until one has loaded.
  const photos = usePhotoUrls(members)
  const photo = useCallback((id: string) => (photos[id] ? { photoUrl: photos[id] } : {}), [photos])
  const peers = usePresence((s) => s.peers)
  const remembered = usePresence((s) => s.remembered)
  const serverOccupancy = usePresence((s) => s.occupancy)
  const self = usePresence((s) => s.self)
  const me = useSession((s) => s.me)
  const mySeat = useFloor((s) => (me ? (deskOfMember(s, me.id)?.desk.id ?? null) : null))
  const cam = useCamera(floor)
  // Other people's walks are drawn on one canvas rather than by moving their elements (motion.ts).
  const walkers = useWalkersCanvas(office.motion, cam.camera, floor !== null)
  const { walkerAt } = walkers
  const [selected, setSelected] = useState<string | null>(null)
  useFloorKeys(office, cam.actions)
  useFloorPaintedMark(floor !== null)
  // The marks of what places hold and the minimap: after the floor has painted.
  const later = useAfterFloorPaint()

  const roomNames = useMemo(() => new Map((floor?.rooms ?? []).map((r) => [r.id, r.name])), [floor])
  const where = useCallback((room: string | null | undefined) => (room ? (roomNames.get(room) ?? 'a room') : null), [roomNames])

  // Who is in which room is the server's word (selectors.ts), with this member where the walker put them.
  const occupancy = useMemo(() => occupancyCounts({ occupancy: serverOccupancy, self: { room: self.room } }, me?.id ?? null), [serverOccupancy, self.room, me?.id])
  const roomOfPeer = useMemo(() => roomsByMember(serverOccupancy), [serverOccupancy])

  // Rebuilt on every presence change, kept while every desk's name stays the same (DesksLayer is 2,000 desks).
  const deskNames = useStableValue(useMemo(() => {
    const names = new Map<string, string>()
    for (const desk of floor?.desks ?? []) {
      const id = desk.assigneeId
      if (!id) continue
      const peer = peers[id]
      const sitter =
        id === me?.id
          ? { name: me.name, status: self.status, inRoom: !!self.room }
          : { name: displayName(members, id), status: peer ? peer.status : ('offline' as const), inRoom: !!peer && roomOfPeer.has(id) }
      names.set(desk.id, deskName(desk.label, sitter))
    }
    return names
  }, [floor, peers, members, me, self.status, self.room, roomOfPeer]), sameEntries)

  const people = useMemo((): PersonView[] => {
    if (!floor) return []
    // A peer's resting position is its own claim, so it is drawn within this floor, never beyond.
    const on = (p: { x: number; y: number }) => ({ x: Math.min(Math.max(p.x, 0), floor.width), y: Math.min(Math.max(p.y, 0), floor.height) })
    const list: PersonView[] = Object.values(peers)
      .filter((p) => p.floor === floor.id || p.floor === '')
      .map((p) => {
        const name = displayName(members, p.id)
        return { id: p.id, name, colour: members[p.id]?.colour ?? GREY, status: p.status, label: personName({ ...p, name }, where(roomOfPeer.get(p.id))), at: on(p), ...photo(p.id) }
      })
    // Until the lobby answers, the cache's picture of who was where, marked with when it was taken.
    const asOf = remembered.at ? new Date(remembered.at).toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit' }) : ''
    for (const p of remembered.peers) {
      if (p.id === me?.id || peers[p.id] || (p.floor !== floor.id && p.floor !== '')) continue
      const name = members[p.id] ? displayName(members, p.id) : p.name
      list.push({ id: p.id, name, colour: members[p.id]?.colour ?? GREY, status: p.status, stale: true, label: `${personName({ ...p, name }, where(p.room))}, as of ${asOf}`, at: on(p), ...photo(p.id) })
    }
    if (me && self.floor === floor.id) {
      list.push({ id: me.id, name: me.name, colour: me.colour, status: self.status, label: personName({ name: me.name, status: self.status, statusText: self.statusText }, where(self.room), true), ...photo(me.id) })
    }
    return list
  }, [floor, peers, remembered, members, me, self.floor, self.status, self.statusText, self.room, where, roomOfPeer, photo])

  const pick = useCallback((id: string, shift: boolean) => editor.select([id], shift ? 'toggle' : 'replace'), [editor])
  const walkToRoom = useCallback((id: string) => office.walking.goToRoom(id), [office])
  const walkToDesk = useCallback((id: string) => office.walking.goToDesk(id), [office])
  const walkHome = useCallback(() => office.walking.goToDesk(), [office])
  const select = useCallback((id: string) => setSelected(id === me?.id ? null : id), [me?.id])
  const reveal = useCallback((el: HTMLElement) => {
    const id = el.dataset.roving
    const at = (id && office.motion.get(id)) || { x: Number(el.dataset.x), y: Number(el.dataset.y) }
    cam.actions.reveal(at.x, at.y)
  }, [office, cam.actions])
  const furnitureEditing = useMemo(() => (editing && selectedSet ? { selected: selectedSet, onPick: pick, onFocusItem: reveal } : undefined), [editing, selectedSet, pick, reveal])
  // A walker drawn on the canvas has its element hidden: a click where they are drawn opens them,
  // whatever lies under them (a room, a desk or empty floor), as a click on their element would.
  const pickWalker = useCallback((e: ReactMouseEvent) => {
    // Not while editing: a click picks what is edited, and people are not.
    const id = editing ? undefined : walkers.pick(e.nativeEvent)
    if (!id) return
    e.preventDefault()
    e.stopPropagation()
    select(id)
  }, [editing, walkers, select])
  const pointer = usePointerCamera({
    viewport: cam.viewport,
    camera: cam.camera,
    zoomBy: cam.actions.zoomBy,
    pan: cam.actions.pan,
    onSpot: (x, y) => (!editing && walkerAt(x, y) ? undefined : office.walking.goToSpot(x, y)),
  })
  const stopGlide = pointer.stop
  const centre = useCallback((x: number, y: number) => (stopGlide(), cam.actions.centre(x, y)), [stopGlide, cam.actions])
  const here = !!me && !!floor && self.floor === floor.id
  const findMe = useCallback(() => {
    const at = (me && office.motion.get(me.id)) || office.walking.walker.position()
    centre(at.x, at.y)
  }, [me, office, centre])

  if (!floor) {
    return (
      <section className="floor-wrap" aria-label="Floor plan">
        <p>Loading the floor plan…</p>
      </section>
    )
  }

  const { x, y, zoom } = cam.camera
  return (
    <section className="floor-wrap" aria-label={`Floor plan: ${floor.name}`}>
      <div className="floor-toolbar">
        {floors.length > 1 && (
          <div role="tablist" aria-label="Floors" className="tabs">
            {floors.map((f) => (
              <button key={f.id} role="tab" type="button" aria-selected={f.id === floor.id} onClick={() => selectFloor(f.id)}>
                {f.name}
              </button>
            ))}
          </div>
        )}
        <CameraControls actions={cam.actions} findMe={here ? findMe : null} />
      </div>
      <div className="viewport" ref={cam.viewport} {...pointer.handlers} onPointerDownCapture={walkers.press} onClickCapture={pickWalker}>
        <div ref={walkers.floor} className={zoom < FAR_ZOOM ? 'floor floor-far' : 'floor'} style={{ width: floor.width, height: floor.height, transform: `translate(${x}px, ${y}px) scale(${zoom})` }}>
          <RoomsLayer rooms={floor.rooms} width={floor.width} height={floor.height} occupancy={occupancy} here={self.room} selected={selectedSet} onWalk={editing ? pick : walkToRoom} onFocusItem={reveal} />
          {(editing || (floor.furniture?.length ?? 0) > 0) && (
            <Suspense fallback={null}>
              <FurnitureDefs />
              <FurnitureLayer furniture={floor.furniture} editing={furnitureEditing} />
            </Suspense>
          )}
          <DesksLayer desks={floor.desks} names={deskNames} myDesk={mySeat} selected={selectedSet} onWalk={editing ? pick : walkToDesk} onHome={walkHome} onFocusItem={reveal} />
          {later && (
            <Suspense fallback={null}>
              <FloorPlaces floor={floor} editing={editing} />
            </Suspense>
          )}
          <PeopleLayer people={people} selfId={me?.id ?? null} motion={office.motion} far={zoom < FAR_ZOOM} onSelect={select} onFocusItem={reveal} />
          {editing && (
            <Suspense fallback={null}>
              <EditSurface floor={floor} />
            </Suspense>
          )}
        </div>
        <canvas ref={walkers.canvas} className="walkers" aria-hidden="true" />
      </div>
      <Suspense fallback={null}>
        {later && overflows(cam.camera, cam.view, floor) && <Minimap floor={floor} camera={cam.camera} view={cam.view} self={here ? { x: self.x, y: self.y } : null} onJump={centre} />}
      </Suspense>
      <Suspense fallback={null}>{selected && <PersonCard id={selected} onClose={() => setSelected(null)} />}</Suspense>
    </section>
  )
}
