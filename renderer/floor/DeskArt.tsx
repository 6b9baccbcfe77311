/**
 * The desks as drawn: the one desk symbol (top, monitor, chair) placed per desk with <use>, turned
 * the way the desk faces, and its label drawn unrotated beside it where labels.ts's upright rule
 * puts it. One SVG under the desk buttons; a desk's drawing changes only with the desk itself or
 * whose desk it is, never with presence, names or selection. Decoration only: the buttons above
 * are what is hit and named. One transform per desk (the <use>), none on the label: each SVG
 * transform is a paint property node, and Chromium walks them all whenever the floor's layers change.
 */
import { memo } from 'react'
import type { Desk } from '../../protocol/floor/records.ts'
import { deskLabelPlacement, deskLabelText } from './labels.ts'

const DeskShape = memo(function DeskShape({ desk, mine }: { desk: Desk; mine: boolean }) {
  const state = `${mine ? ' desk-art-mine' : ''}${desk.assigneeId ? ' desk-art-taken' : ''}${desk.hot ? ' desk-art-hot' : ''}`
  const label = deskLabelPlacement(desk)
  return (
    <>
      <use href="#desk-symbol" className={`desk-art${state}`} data-desk={desk.id} transform={`translate(${desk.x} ${desk.y})${desk.rotation ? ` rotate(${desk.rotation})` : ''}`} />
      <text className="desk-label" data-desk={desk.id} x={label.x} y={label.y} transform={label.angle ? `rotate(${label.angle} ${label.x} ${label.y})` : undefined}>
        {deskLabelText(desk.label)}
      </text>
    </>
  )
})

export const DeskArt = memo(function DeskArt({ desks, myDesk }: { desks: readonly Desk[]; myDesk: string | null }) {
  return (
    <svg className="floor-art" aria-hidden="true" focusable="false">
      {desks.map((desk) => (
        <DeskShape key={desk.id} desk={desk} mine={desk.id === myDesk} />
      ))}
    </svg>
  )
})
