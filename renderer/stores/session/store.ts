/**
 * Session store: who is signed in to which workspace, and whether the server and LiveKit are reachable.
 *
 * @example
 * const session = createSessionStore()
 * session.getState().signedIn({ token, workspace, me })
 */
import { createStore } from 'zustand/vanilla'
import type { Member, Workspace } from '../../../protocol/api.ts'

export type Phase = 'booting' | 'signed-out' | 'signed-in'
/** online: server and lobby reachable; connecting: trying; offline: showing the cache, read-only. */
export type Connection = 'online' | 'connecting' | 'offline'

export interface SessionState {
  phase: Phase
  token: string | null
  workspace: Workspace | null
  me: Member | null
  connection: Connection
  /** Why the last attempt to reach the server failed, for the offline bar. */
  offlineReason: string | null
  signedIn(s: { token: string; workspace: Workspace; me: Member }): void
  signedOut(): void
  setMe(me: Member): void
  setConnection(connection: Connection, reason?: string | null): void
}

export function createSessionStore() {
  return createStore<SessionState>()((set) => ({
    phase: 'booting',
    token: null,
    workspace: null,
    me: null,
    connection: 'connecting',
    offlineReason: null,
    signedIn: ({ token, workspace, me }) => set({ phase: 'signed-in', token, workspace, me }),
    signedOut: () => set({ phase: 'signed-out', token: null, workspace: null, me: null, connection: 'connecting', offlineReason: null }),
    setMe: (me) => set({ me }),
    setConnection: (connection, reason = null) => set({ connection, offlineReason: connection === 'offline' ? reason : null }),
  }))
}
export type SessionStore = ReturnType<typeof createSessionStore>
