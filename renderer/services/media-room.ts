/** The media rooms service lives in renderer/services/media/; this path stays for its importers. */
export { createMediaRooms, type MediaRoomDeps } from './media/rooms.ts'
export type { EntryPolicy, EntryTiming, GoOptions, MediaRooms } from './media/types.ts'
