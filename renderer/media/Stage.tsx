/** The room call: a tile per person, with microphone, camera and leave controls; in one's own office, its door. */
import { useFloor, useMedia, useOffice, usePresence, useSession } from '../app/context.tsx'
import { currentFloor } from '../stores/floor/selectors.ts'
import { OfficeDoor } from './OfficeDoor.tsx'
import { VideoTile } from './VideoTile.tsx'

export function Stage() {
  const office = useOffice()
  const roomId = usePresence((s) => s.self.room)
  const room = useFloor((s) => currentFloor(s)?.rooms.find((r) => r.id === roomId))
  const phase = useMedia((s) => s.phase)
  const error = useMedia((s) => s.error)
  const tiles = useMedia((s) => s.tiles)
  const micOn = useMedia((s) => s.micOn)
  const camOn = useMedia((s) => s.camOn)
  const meId = useSession((s) => s.me?.id)

  return (
    <section className="stage" aria-label={`Call in ${room?.name ?? 'room'}`}>
      <h2>
        {room?.name ?? 'Room'} <span className="call-state">{phase === 'connected' ? 'Connected' : phase === 'connecting' ? 'Connecting…' : phase === 'failed' ? 'Not connected' : ''}</span>
      </h2>
      {error && <p role="alert">{error}</p>}
      <div className="tiles">
        {tiles.map((t) => (
          <VideoTile key={t.identity + (t.local ? ':local' : '')} tile={t} />
        ))}
      </div>
      <div className="controls">
        <button type="button" aria-pressed={micOn} onClick={() => void office.media()?.setMic(!micOn)}>
          {micOn ? 'Mute microphone' : 'Unmute microphone'}
        </button>
        <button type="button" aria-pressed={camOn} onClick={() => void office.media()?.setCamera(!camOn)}>
          {camOn ? 'Turn camera off' : 'Turn camera on'}
        </button>
        <button type="button" onClick={() => office.walking.goToDesk()}>
          Leave room
        </button>
      </div>
      {room?.kind === 'private' && room.ownerId === meId && <OfficeDoor room={room} />}
    </section>
  )
}
