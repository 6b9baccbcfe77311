/** What routes get from the app: the store, LiveKit, settings and a clock (decorated onto Fastify). */
import type { LivekitConfig } from './livekit/config.ts'
import type { Rooms } from './livekit/rooms.ts'
import type { MemberRecord, Store } from './store/store.ts'

export interface ServerSettings {
  version: string
  /** Public base URL used in invite links; defaults to the request's origin. */
  publicUrl: string | null
  sessionTtlMs: number
}

export interface Auth {
  member: MemberRecord
  tokenHash: string
}

declare module 'fastify' {
  interface FastifyInstance {
    store: Store
    rooms: Rooms
    livekit: LivekitConfig
    settings: ServerSettings
    now: () => number
  }
  interface FastifyRequest {
    auth: Auth | null
  }
}
