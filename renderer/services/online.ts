/**
 * Everything the office needs only once it is online — livekit-client (the largest part of the
 * bundle) and floor sync (with the TypeBox checks of applyBatch) — behind one module loaded on
 * demand: the cached floor paints before any of it is even parsed.
 */
import { LogLevel, setLogLevel } from 'livekit-client'

// livekit-client logs every signalling step at info level; keep the console for what matters.
setLogLevel(LogLevel.warn)

export { createLobby } from './lobby.ts'
export { createMediaRooms } from './media-room.ts'
export { acceptFloorNotice, syncFloors, syncMembers } from './sync.ts'
