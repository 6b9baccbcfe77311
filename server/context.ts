/** What routes get from the app: the store, LiveKit, settings and a clock (decorated onto Fastify). */
import type { LivekitConfig } from './livekit/config.ts'
import type { Rooms } from './livekit/rooms.ts'
import type { MemberRecord, Store } from './store/store.ts'

export interface ServerSettings {
  version: string
  /** Public base URL used in invite links; defaults to the request's origin. */
  publicUrl: string | null
  /** A session unused this long ends (sliding: each use extends it). */
  sessionTtlMs: number
  /** A session ends this long after sign-in however much it is used. */
  sessionMaxAgeMs: number
  /** log2 of scrypt's N for new password hashes (auth/passwords.ts). */
  passwordCost: number
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
