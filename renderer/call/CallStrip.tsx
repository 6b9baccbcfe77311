/**
 * The call beside the floor: a screen share or the pinned person across the top, everyone else in
 * a strip of small tiles under it. Up to six small tiles; the most recent speakers stay in view.
 * The small tiles are thumbnails: they receive a camera at half its frame rate (ParticipantTile).
 */
import { CallTile } from './CallTile.tsx'
import { useCallLayout } from './useCallLayout.ts'

const STRIP_TILES = 6
const stripFits = () => STRIP_TILES

export function CallStrip() {
  const call = useCallLayout(stripFits)
  return (
    <div className="call-strip">
      {call.stage && (
        <div className="call-strip-stage">
          <CallTile tile={call.stage} active={call.stage.identity === call.activeSpeaker} />
        </div>
      )}
      <div className="tiles">
        {call.rest.map((t) => (
          <CallTile key={t.key} tile={t} active={t.identity === call.activeSpeaker} thumbnail />
        ))}
      </div>
      {call.hidden > 0 && <p className="call-more">{`${call.hidden} more in the call (Expand call to see everyone)`}</p>}
    </div>
  )
}
