import { memo } from 'react'
import { DESK_SIZE } from '../../protocol/floor/geometry.ts'
import type { Desk } from '../../protocol/floor/records.ts'
import { DeskArt } from './DeskArt.tsx'
import { RovingGroup } from './RovingGroup.tsx'

const DeskButton = memo(function DeskButton(props: { desk: Desk; name: string; mine: boolean; selected: boolean; onWalk(id: string, shift: boolean): void; onHome(): void }) {
  const { desk, name, mine, selected } = props
  return (
    <button
      type="button"
      tabIndex={-1}
      data-roving={desk.id}
      data-x={desk.x}
      data-y={desk.y}
      className={`desk${mine ? ' desk-mine' : ''}${name.includes(',') ? ' desk-taken' : ''}${desk.hot ? ' desk-hot' : ''}${selected ? ' item-selected' : ''}`}
      style={{ marginLeft: desk.x - DESK_SIZE / 2, marginTop: desk.y - DESK_SIZE / 2, width: DESK_SIZE, height: DESK_SIZE, transform: desk.rotation ? `rotate(${desk.rotation}deg)` : undefined }}
      aria-label={selected ? `${name}, selected` : name}
      // Its card (issue 14: shelf, board): renderer/places/FloorPlaces.tsx.
      aria-keyshortcuts="Shift+F10"
      onClick={(e) => props.onWalk(desk.id, e.shiftKey)}
      onDoubleClick={props.onHome}
    />
  )
})

/**
 * Every desk, one Tab stop; a desk's name says who sits there and how they are. The buttons are
 * the hit targets (the desk's square, turned with it); the desk itself is drawn by DeskArt below them.
 */
export const DesksLayer = memo(function DesksLayer(props: {
  desks: readonly Desk[]
  names: ReadonlyMap<string, string>
  myDesk: string | null
  /** While editing: the selected desks. */
  selected?: ReadonlySet<string> | undefined
  onWalk(deskId: string, shift: boolean): void
  onHome(): void
  onFocusItem(el: HTMLElement): void
}) {
  return (
    <>
      <DeskArt desks={props.desks} myDesk={props.myDesk} />
      <RovingGroup label="Desks" className="layer layer-placed" onFocusItem={props.onFocusItem}>
        {props.desks.map((desk) => (
          <DeskButton key={desk.id} desk={desk} name={props.names.get(desk.id) ?? `Desk ${desk.label}`} mine={desk.id === props.myDesk} selected={props.selected?.has(desk.id) ?? false} onWalk={props.onWalk} onHome={props.onHome} />
        ))}
      </RovingGroup>
    </>
  )
})
