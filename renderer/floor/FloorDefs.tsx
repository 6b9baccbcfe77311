/**
 * What the floor draws many times, defined once: a floor pattern per room kind and the furniture
 * symbols (desk with chair and monitor, sofa, plant). The furniture hosts place has its own
 * (FurnitureLayer.tsx, loaded only for a floor that has some, or the editor). Colours come from the
 * theme's tokens through CSS classes (floor.css), so a theme switch repaints them without a React render.
 */
import { memo } from 'react'


/*
 * Symbols are styled inline: a <use> clones them into its own shadow tree, which document style
 * rules do not reliably reach, while custom properties set on the <use> (or above it) inherit into
 * the clone. So a desk's state (mine, taken, hot) is a few custom properties on its <use>'s group.
 */
export const mix = (a: string, b: string, pct: number) => `color-mix(in srgb, var(${a}) ${pct}%, var(${b}))`
const deskTop = { fill: 'var(--desk-top)', stroke: `var(--desk-edge, ${mix('--desk-top', '--text', 65)})`, strokeWidth: 'var(--desk-edge-width, 1)', strokeDasharray: 'var(--desk-dash, none)' }
const monitor = { fill: 'var(--desk-screen, var(--monitor))' }
const seat = { fill: 'var(--chair)' }
const chairBack = { fill: mix('--chair', '--text', 70) }
const sofa = { fill: mix('--chair', '--room-lounge', 55) }
const cushion = { fill: mix('--chair', '--room-lounge', 35), stroke: mix('--chair', '--text', 70), strokeWidth: 0.75 }
const pot = { fill: mix('--desk-top', '--text', 75) }
const leaf = { fill: mix('--status-available', '--room-lounge', 80) }
const leaf2 = { fill: mix('--status-available', '--room-lounge', 60) }

export const FloorDefs = memo(function FloorDefs() {
  return (
    <svg className="floor-defs" aria-hidden="true" focusable="false" width="0" height="0">
      <defs>
        {/* Meeting: a carpet with a fine dot. */}
        <pattern id="floor-meeting" width="8" height="8" patternUnits="userSpaceOnUse">
          <rect className="fp-meeting" width="8" height="8" />
          <circle className="fp-meeting-mark" cx="4" cy="4" r="0.9" />
        </pattern>
        {/* Lounge: wooden planks, their seams staggered row by row. */}
        <pattern id="floor-lounge" width="64" height="24" patternUnits="userSpaceOnUse">
          <rect className="fp-lounge" width="64" height="24" />
          <path className="fp-lounge-mark" d="M0 11.5H64M0 23.5H64M20 0V12M52 12V24" />
        </pattern>
        {/* Private office: square tiles. */}
        <pattern id="floor-private" width="20" height="20" patternUnits="userSpaceOnUse">
          <rect className="fp-private" width="20" height="20" />
          <path className="fp-private-mark" d="M0 0.5H20M0.5 0V20" />
        </pattern>
        {/* Stage: broad boards with a fine grain. */}
        <pattern id="floor-stage" width="18" height="40" patternUnits="userSpaceOnUse">
          <rect className="fp-stage" width="18" height="40" />
          <path className="fp-stage-mark" d="M0.5 0V40M9 6V16M9 26V34" />
        </pattern>

        {/* A desk seen from above: top, monitor at the back, chair in front (toward +y at 0°). */}
        {/* No viewBox: drawn in floor units around the desk's centre, so a <use> needs only its transform. */}
        <symbol id="desk-symbol" overflow="visible">
          <rect style={deskTop} x="-22" y="-22" width="44" height="26" rx="3" />
          <rect style={monitor} x="-12" y="-19" width="24" height="4" rx="1" />
          <rect style={monitor} x="-3" y="-15.5" width="6" height="2.5" rx="0.5" />
          <rect style={seat} x="-9" y="7" width="18" height="12" rx="4" />
          <rect style={chairBack} x="-10" y="16" width="20" height="5" rx="2.5" />
        </symbol>

        <symbol id="sofa-symbol" viewBox="0 0 84 38">
          <rect style={sofa} x="0" y="0" width="84" height="14" rx="6" />
          <rect style={cushion} x="9" y="10" width="33" height="24" rx="4" />
          <rect style={cushion} x="42" y="10" width="33" height="24" rx="4" />
          <rect style={sofa} x="0" y="6" width="11" height="32" rx="5" />
          <rect style={sofa} x="73" y="6" width="11" height="32" rx="5" />
        </symbol>

        <symbol id="plant-symbol" viewBox="0 0 26 26">
          <circle style={pot} cx="13" cy="13" r="8" />
          <circle style={leaf} cx="9" cy="9" r="6" />
          <circle style={leaf} cx="17" cy="10" r="5.5" />
          <circle style={leaf2} cx="13" cy="17" r="6" />
          <circle style={leaf2} cx="13" cy="11" r="3.5" />
        </symbol>

      </defs>
    </svg>
  )
})
