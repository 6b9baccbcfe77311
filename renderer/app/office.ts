/**
 * The office session: signing in and out, the cache-first start, staying online (retrying with
 * backoff while showing the cache read-only) and walking between desk and rooms. UI components call
 * these actions; they never touch LiveKit or fetch themselves.
 */
import type { AcceptInviteBody, CreateInviteBody, CreateWorkspaceBody, Invite, SignInBody, SignedIn } from '../../protocol/api.ts'
import { roomCentre } from '../../protocol/floor/records.ts'
import type { PresenceAttributes } from '../../protocol/presence.ts'
import { createWalker, type Walker } from '../floor/walker.ts'
import type { Platform } from '../platform/platform.ts'
import { ApiError, OfflineError, createApi, type Api } from '../services/api.ts'
import { createLobby, type Lobby } from '../services/lobby.ts'
import { createMediaRooms, type MediaRooms } from '../services/media-room.ts'
import { syncAnnounced, syncFloors, syncMembers, type SyncDeps } from '../services/sync.ts'
import { currentFloor, deskOfMember } from '../stores/floor/selectors.ts'
import type { Stores } from './stores.ts'

const SESSION_KEY = 'session'
const RETRY_MS = [1_000, 2_000, 4_000, 8_000, 10_000]

interface SavedSession {
  token: string
  workspaceId: string
  memberId: string
}

export interface Office {
  boot(): Promise<void>
  createWorkspace(body: CreateWorkspaceBody): Promise<void>
  signIn(body: SignInBody): Promise<void>
  acceptInvite(code: string, body: AcceptInviteBody): Promise<void>
  signOut(): Promise<void>
  invite(body: CreateInviteBody): Promise<Invite>
  walker(): Walker
  goToRoom(roomId: string): void
  goToDesk(deskId?: string): void
  media(): MediaRooms | null
}

export function createOffice(platform: Platform, stores: Stores): Office {
  const { session, floor, presence, media, notices } = stores
  let api: Api | null = null
  let lobby: Lobby | null = null
  let rooms: MediaRooms | null = null
  let generation = 0 // bumps on sign-out, so stale async work of the previous session stops
  let retry: ReturnType<typeof setTimeout> | null = null
  let attempt = 0
  const denied = new Map<string, string>()
  let lastOutside = { x: 0, y: 0 }

  // A peer we have never heard of is a new member: refresh the directory (once per burst).
  let membersTimer: ReturnType<typeof setTimeout> | null = null
  const refreshMembersSoon = () => {
    if (membersTimer || session.getState().me?.role === 'guest') return
    membersTimer = setTimeout(() => {
      membersTimer = null
      if (session.getState().phase === 'signed-in') void syncMembers(syncDeps()).catch(() => undefined)
    }, 300)
  }
  presence.subscribe((state, previous) => {
    if (state.peers === previous.peers) return
    const known = floor.getState().members
    if (Object.keys(state.peers).some((id) => !known[id])) refreshMembersSoon()
  })

  const needApi = () => {
    if (!api) throw new Error('office not booted')
    return api
  }
  const syncDeps = (): SyncDeps => ({ api: needApi(), platform, floor, workspaceId: session.getState().workspace!.id })

  const walker = createWalker({
    presence,
    floor: () => currentFloor(floor.getState()),
    mayEnter: (roomId) => !denied.has(roomId),
    onBlocked: (roomId) => notices.getState().push(denied.get(roomId) ?? 'You cannot enter this room'),
    onMove: (x, y) => {
      if (presence.getState().self.room === null) lastOutside = { x, y }
      lobby?.move(x, y)
    },
    onRest: (x, y) => {
      lobby?.update({ x: String(Math.round(x)), y: String(Math.round(y)) })
      // A walk towards a room may have been cut short: the call follows where the avatar stopped.
      const here = presence.getState().self.room
      if (rooms && media.getState().roomId !== here) rooms.go(here).catch((err: unknown) => refused(here, err))
    },
    onRoomChange: (roomId, startedAt) => {
      lobby?.update({ room: roomId ?? '' })
      rooms?.go(roomId, startedAt).catch((err: unknown) => refused(roomId, err))
    },
  })

  const refused = (roomId: string | null, err: unknown) => {
    if (!roomId) return
    const name = currentFloor(floor.getState())?.rooms.find((r) => r.id === roomId)?.name ?? 'This room'
    const reason = err instanceof ApiError ? (err.body.reason ?? err.body.error) : 'unreachable'
    const text = reason === 'full' ? `${name} is full` : reason === 'locked' || reason === 'private' ? `${name} is ${reason}` : `Could not join ${name}: ${(err as Error).message}`
    if (err instanceof ApiError) denied.set(roomId, text)
    notices.getState().push(text)
    // Step back out of the room we could not join.
    if (presence.getState().self.room === roomId) walker.walkTo(lastOutside.x, lastOutside.y)
  }

  const attributes = (): PresenceAttributes => {
    const s = presence.getState().self
    const me = session.getState().me
    return {
      status: s.status,
      statusText: '',
      floor: s.floor,
      desk: me ? (deskOfMember(floor.getState(), me.id)?.desk.id ?? '') : '',
      room: s.room ?? '',
      x: String(Math.round(s.x)),
      y: String(Math.round(s.y)),
    }
  }

  const seatAtDesk = () => {
    const me = session.getState().me
    const seat = me ? deskOfMember(floor.getState(), me.id) : null
    const f = seat?.floor ?? currentFloor(floor.getState())
    if (!f) return
    presence.getState().setSelf({ floor: f.id })
    if (seat) walker.placeAt(seat.desk.x, seat.desk.y)
    else walker.placeAt(f.width / 2, f.height - 40)
    lastOutside = { x: presence.getState().self.x, y: presence.getState().self.y }
  }

  const scheduleRetry = (gen: number) => {
    if (retry) clearTimeout(retry)
    const wait = RETRY_MS[Math.min(attempt, RETRY_MS.length - 1)]!
    attempt++
    retry = setTimeout(() => void goOnline(gen), wait)
  }

  /** Reaches the server and the lobby; on failure shows the cache read-only and retries by itself. */
  const goOnline = async (gen: number): Promise<void> => {
    if (gen !== generation || session.getState().phase !== 'signed-in') return
    if (retry) clearTimeout(retry)
    retry = null
    session.getState().setConnection('connecting')
    try {
      const { member, workspace } = await needApi().me()
      if (gen !== generation) return
      session.getState().signedIn({ token: session.getState().token!, workspace, me: member })
      if (!rooms) rooms = createMediaRooms({ api: needApi(), workspaceId: workspace.id, media })
      await platform.cache.putWorkspace(workspace)
      const hadSeat = presence.getState().self.floor !== ''
      await syncFloors(syncDeps())
      await syncMembers(syncDeps())
      if (gen !== generation) return
      if (!hadSeat || !deskOfMember(floor.getState(), member.id)) seatAtDesk()
      if (!lobby?.connected) {
        lobby = createLobby({
          api: needApi(),
          workspaceId: workspace.id,
          presence,
          onFloorVersions: (versions) => void syncAnnounced(syncDeps(), versions).catch(() => undefined),
          onLost: () => {
            if (gen !== generation) return
            session.getState().setConnection('offline', 'lost the connection to LiveKit')
            scheduleRetry(gen)
          },
        })
        await lobby.connect(attributes())
      }
      attempt = 0
      session.getState().setConnection('online')
    } catch (err) {
      if (gen !== generation) return
      if (err instanceof ApiError && err.status === 401) {
        notices.getState().push('Your session has ended. Sign in again.')
        await endSession()
        return
      }
      const reason = err instanceof OfflineError ? 'cannot reach the server' : `cannot connect (${(err as Error).message})`
      session.getState().setConnection('offline', reason)
      scheduleRetry(gen)
    }
  }

  const start = async (signed: SignedIn) => {
    const saved: SavedSession = { token: signed.session.token, workspaceId: signed.workspace.id, memberId: signed.member.id }
    await platform.credentials.set(SESSION_KEY, JSON.stringify(saved))
    await platform.cache.putWorkspace(signed.workspace)
    generation++
    floor.getState().clear()
    presence.getState().setSelf({ floor: '', room: null })
    session.getState().signedIn({ token: saved.token, workspace: signed.workspace, me: signed.member })
    await goOnline(generation)
  }

  const endSession = async () => {
    generation++
    if (retry) clearTimeout(retry)
    walker.stop()
    const [l, r] = [lobby, rooms]
    lobby = null
    rooms = null
    await Promise.allSettled([l?.disconnect(), r?.dispose()])
    await platform.credentials.set(SESSION_KEY, null)
    floor.getState().clear()
    presence.getState().clearPeers()
    presence.getState().setSelf({ floor: '', room: null })
    denied.clear()
    session.getState().signedOut()
  }

  return {
    async boot() {
      const config = await platform.config()
      api = createApi(config.serverUrl, () => session.getState().token)
      platform.on('power:resumed', () => {
        // After sleep the sockets may be dead without knowing it: reconnect now, not after a timeout.
        const gen = generation
        void lobby?.disconnect().finally(() => void goOnline(gen))
      })
      const raw = await platform.credentials.get(SESSION_KEY)
      const saved = raw ? (JSON.parse(raw) as SavedSession) : null
      if (!saved) return session.getState().signedOut()
      const snapshot = await platform.cache.getSnapshot(saved.workspaceId)
      const me = snapshot?.members.find((m) => m.id === saved.memberId)
      if (snapshot && me) {
        // Paint the cached office before any network call returns.
        floor.getState().setFloors(snapshot.floors)
        floor.getState().setMembers(snapshot.members)
        session.getState().signedIn({ token: saved.token, workspace: snapshot.workspace, me })
        seatAtDesk()
      } else {
        session.getState().signedIn({
          token: saved.token,
          workspace: snapshot?.workspace ?? { id: saved.workspaceId, name: '', createdAt: 0 },
          me: { id: saved.memberId, workspaceId: saved.workspaceId, name: '', role: 'member', colour: '#888888', deskId: null, lastSeenAt: null },
        })
      }
      void goOnline(generation)
    },
    createWorkspace: async (body) => start(await needApi().createWorkspace(body)),
    signIn: async (body) => start(await needApi().signIn(body)),
    acceptInvite: async (code, body) => start(await needApi().acceptInvite(code, body)),
    async signOut() {
      await needApi().signOut().catch(() => undefined)
      await endSession()
    },
    invite: (body) => needApi().createInvite(session.getState().workspace!.id, body),
    walker: () => walker,
    goToRoom(roomId) {
      const room = currentFloor(floor.getState())?.rooms.find((r) => r.id === roomId)
      if (!room) return
      const startedAt = performance.now()
      // The destination is known at the click: fetch the token and connect while the avatar walks,
      // so the call is up by the time it arrives. A walk that ends elsewhere is reconciled at rest.
      rooms?.go(roomId, startedAt).catch((err: unknown) => refused(roomId, err))
      const c = roomCentre(room)
      walker.walkTo(c.x, c.y, startedAt)
    },
    goToDesk(deskId) {
      const state = floor.getState()
      const me = session.getState().me
      const desk = deskId ? currentFloor(state)?.desks.find((d) => d.id === deskId) : me ? deskOfMember(state, me.id)?.desk : undefined
      if (desk) walker.walkTo(desk.x, desk.y)
    },
    media: () => rooms,
  }
}
