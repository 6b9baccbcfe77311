/**
 * A tile of the arranged call: a camera or a screen, named from the member directory (a peer's
 * own LiveKit name only when the directory does not know them), pinned through the media store.
 */
import { useFloor, useMedia } from '../app/context.tsx'
import { displayName } from '../stores/presence/selectors.ts'
import { ModerateMenu } from './moderation/ModerateMenu.tsx'
import { useModerates } from './moderation/useModerates.ts'
import { ParticipantTile } from './ParticipantTile.tsx'
import { ScreenShareTile } from './ScreenShareTile.tsx'
import type { CallTile as Tile } from './useCallLayout.ts'
import { useCallRoom } from './useCallRoom.ts'

/** `thumbnail`: a small tile of the strip, which receives a camera at half its frame rate. */
export function CallTile({ tile, active, thumbnail = false }: { tile: Tile; active: boolean; thumbnail?: boolean }) {
  const p = tile.trackRef.participant
  const name = useFloor((s) => (s.members[tile.identity] ? displayName(s.members, tile.identity) : null)) ?? (p.name || p.identity)
  const pinned = useMedia((s) => s.pinned === tile.identity)
  // Low power: remote cameras other than the speaker's are unsubscribed by the media rooms
  // service (they show initials); one's own preview goes too.
  const lowPower = useMedia((s) => s.lowPower)
  const setLayout = useMedia((s) => s.setLayout)
  const live = useMedia((s) => s.room)
  const room = useCallRoom()
  // Hosts and the room's owner: a menu on everyone else's tile (mute, stage, remove).
  const moderates = useModerates(room)
  const onPin = () => setLayout({ pinned: pinned ? null : tile.identity })
  if (tile.kind === 'screen') return <ScreenShareTile trackRef={tile.trackRef} name={name} pinned={pinned} onPin={onPin} />
  const menu = moderates && room && !tile.local ? <ModerateMenu room={room} member={{ id: tile.identity, name }} live={live} /> : undefined
  return <ParticipantTile trackRef={tile.trackRef} name={name} active={active} pinned={pinned} onPin={onPin} videoOff={lowPower && tile.local} thumbnail={thumbnail} menu={menu} />
}
