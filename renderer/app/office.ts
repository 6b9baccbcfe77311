/**
 * The office session: signing in and out, the cache-first start, staying online (a heartbeat, and
 * retries with backoff while the cache is shown read-only), reconnecting after sleep, and the seat
 * taken over by another device. Walking, reaching people and status live in their own modules;
 * UI components call these actions and never touch LiveKit or fetch themselves.
 */
import type { AcceptInviteBody, CreateInviteBody, CreateWorkspaceBody, Invite, SignInBody, SignedIn } from '../../protocol/api.ts'
import type { PresenceAttributes } from '../../protocol/presence.ts'
import { afterFloorPaint } from '../floor/first-paint.ts'
import { createMotion, type Motion } from '../floor/motion.ts'
import type { CredentialOptions, Platform } from '../platform/platform.ts'
import { ApiError, OfflineError, createApi, type Api } from '../services/api.ts'
import { createLazyChat } from '../services/chat/lazy.ts'
import type { ChatService } from '../services/chat/types.ts'
import type { Lobby } from '../services/lobby.ts'
import type { MediaRooms } from '../services/media-room.ts'
import type { SyncDeps } from '../services/sync.ts'
import { roomName } from '../stores/floor/selectors.ts'
import { presenceSnapshot } from '../stores/presence/snapshot.ts'
import { createLazySocial } from './lazy-social.ts'
import type { Social } from './social.ts'
import { createStatus, type StatusActions } from './status.ts'
import type { Stores } from './stores.ts'
import { createWalking, type Walking } from './walking.ts'

/** What going online needs (LiveKit, floor sync) loads on demand: a cached office paints first. */
const loadOnline = () => import('../services/online.ts')

const SESSION_KEY = 'session'

/** The server answered but LiveKit did not: presence and calls are down, the floor is not. */
class LivekitUnreachable extends Error {
  constructor(detail: string) {
    super(`cannot reach LiveKit, so no presence or calls (${detail})`)
  }
}
const RETRY_MS = [1_000, 2_000, 4_000, 8_000, 10_000]
/** How often at most the presence picture is written to the cache. */
const PRESENCE_SAVE_MS = 3_000
/** How often a connected client checks that the server still answers. */
const HEARTBEAT_MS = 5_000
/**
 * Every this many beats (15 s), the heartbeat also compares the floors' versions with the server's
 * (one cached read; only a floor behind is fetched). With several server instances, the notices an
 * instance had queued when it died are lost, and members of the other instances see no restart of
 * theirs: this bounds how long they can miss those edits.
 */
const FLOOR_CHECK_BEATS = 3

interface SavedSession {
  token: string
  workspaceId: string
  memberId: string
}

export interface Office {
  boot(): Promise<void>
  /** `keep`: "Keep me signed in" — the session outlives this window/tab (see PlatformCredentials). */
  createWorkspace(body: CreateWorkspaceBody, opts: CredentialOptions): Promise<void>
  signIn(body: SignInBody, opts: CredentialOptions): Promise<void>
  acceptInvite(code: string, body: AcceptInviteBody, opts: CredentialOptions): Promise<void>
  signOut(): Promise<void>
  /** Ends every session of this account everywhere, this one too; throws when the server could not be told. */
  signOutEverywhere(): Promise<void>
  invite(body: CreateInviteBody): Promise<Invite>
  /** After another device took the seat: take it back here. */
  useHere(): void
  media(): MediaRooms | null
  /** The pointer or focus rests on a room: get its call ready (token, connection warm-up), joining nothing. */
  prefetchRoom(roomId: string): void
  /** The HTTP client, for services that act on the workspace (the editor, the admin view). */
  api(): Api
  readonly motion: Motion
  readonly walking: Walking
  readonly social: Social
  readonly status: StatusActions
  /** Chat (issue 12): loads on first use; the UI acts through it and reads stores.chat. */
  readonly chat: ChatService
}

export function createOffice(platform: Platform, stores: Stores): Office {
  const { session, floor, presence, media, notices, social: socialStore } = stores
  let api: Api | null = null
  let lobby: Lobby | null = null
  /** The lobby a goOnline is joining now (at most one: see goOnline). */
  let joiningLobby: Lobby | null = null
  let rooms: MediaRooms | null = null
  let generation = 0 // bumps on sign-out, so stale async work of the previous session stops
  let retry: ReturnType<typeof setTimeout> | null = null
  let heartbeat: ReturnType<typeof setInterval> | null = null
  /** Which server process we are in step with (its /api/ping answer). */
  let instance: string | null = null
  let attempt = 0

  const motion = createMotion()
  const walking = createWalking({ stores, motion, lobby: () => lobby, rooms: () => rooms })
  const social = createLazySocial({ stores, platform, walking, api: () => api, lobby: () => lobby })
  const status = createStatus({ stores, platform, lobby: () => lobby })
  const chat = createLazyChat(platform, stores)

  const needApi = () => {
    if (!api) throw new Error('office not booted')
    return api
  }
  const syncDeps = (): SyncDeps => ({ api: needApi(), platform, floor, workspaceId: session.getState().workspace!.id })

  // A peer we have never heard of is a new member: refresh the directory (once per burst).
  let membersTimer: ReturnType<typeof setTimeout> | null = null
  presence.subscribe((state, previous) => {
    if (state.peers === previous.peers || membersTimer) return
    const known = floor.getState().members
    if (!Object.keys(state.peers).some((id) => !known[id])) return
    membersTimer = setTimeout(() => {
      membersTimer = null
      if (session.getState().phase === 'signed-in') void loadOnline().then(({ syncMembers }) => syncMembers(syncDeps())).catch(() => undefined)
    }, 300)
  })

  // While the lobby is live, its picture of who is where goes to the cache at most every 3 s (the
  // first change at once), so the next start can show it before the lobby answers.
  let presenceTimer: ReturnType<typeof setTimeout> | null = null
  let presenceSavedAt = 0
  const savePresence = () => {
    presenceTimer = null
    const ws = session.getState().workspace?.id
    // Only a live picture is worth keeping: the lobby must be connected.
    if (!ws || !lobby?.connected) return
    presenceSavedAt = Date.now()
    void platform.cache.putPresence(ws, presenceSnapshot(presence.getState(), floor.getState().members, presenceSavedAt)).catch(() => undefined)
  }
  presence.subscribe((state, previous) => {
    if ((state.peers === previous.peers && state.occupancy === previous.occupancy) || presenceTimer || !lobby?.connected) return
    presenceTimer = setTimeout(savePresence, Math.max(0, presenceSavedAt + PRESENCE_SAVE_MS - Date.now()))
  })

  const attributes = (): PresenceAttributes => {
    // Status and position only: others take names, desks and rooms from the server, not from us.
    const s = presence.getState().self
    const at = walking.walker.position()
    return {
      status: s.status,
      statusText: s.statusText,
      statusUntil: s.statusUntil ? String(s.statusUntil) : '',
      floor: s.floor,
      x: String(Math.max(0, Math.round(at.x))),
      y: String(Math.max(0, Math.round(at.y))),
    }
  }

  const stopHeartbeat = () => {
    if (heartbeat) clearInterval(heartbeat)
    heartbeat = null
  }

  const offline = (gen: number, reason: string) => {
    if (gen !== generation) return
    stopHeartbeat()
    session.getState().setConnection('offline', reason)
    if (retry) clearTimeout(retry)
    const wait = RETRY_MS[Math.min(attempt, RETRY_MS.length - 1)]!
    attempt++
    retry = setTimeout(() => void goOnline(gen), wait)
  }

  const lobbyLost = (gen: number, why: 'taken-over' | 'lost') => {
    if (gen !== generation) return
    if (why === 'taken-over') {
      // Signed in elsewhere: that device has the seat now. Say so, and do not fight for it.
      stopHeartbeat()
      void rooms?.go(null)
      socialStore.getState().setTakenOver(true)
      return
    }
    offline(gen, 'lost the connection to LiveKit')
  }

  /** Reaches the server and the lobby; on failure shows the cache read-only and retries by itself. */
  const goOnline = async (gen: number): Promise<void> => {
    if (gen !== generation || session.getState().phase !== 'signed-in' || socialStore.getState().takenOver) return
    if (retry) clearTimeout(retry)
    retry = null
    // A retry while offline goes on saying so until it succeeds: the floor stays read-only, and a
    // bar flipping to "Reconnecting…" and back at every attempt would only flicker.
    if (session.getState().connection !== 'offline') session.getState().setConnection('connecting')
    try {
      // In parallel with the first request; social's code too, for its handlers on the lobby.
      const online = Promise.all([loadOnline(), social.ready()]).then(([m]) => m)
      const [{ member, workspace }, answered] = await Promise.all([needApi().me(), needApi().ping()])
      instance = answered
      if (gen !== generation) return
      session.getState().signedIn({ token: session.getState().token!, workspace, me: member })
      const { acceptFloorNotice, createLobby, createMediaRooms, syncFloors, syncMembers } = await online
      if (gen !== generation) return
      if (!rooms) rooms = createMediaRooms({ api: needApi(), workspaceId: workspace.id, media, platform: platform.media, arrivals: (roomId) => presence.getState().occupancy[roomId] ?? [] })
      await platform.cache.putWorkspace(workspace)
      await syncFloors(syncDeps())
      await syncMembers(syncDeps())
      if (gen !== generation) return
      // Seated at the desk on the first start only (a cached start seated them already), and only
      // if they have not gone anywhere meanwhile: the floor is clickable while the members load,
      // and a room clicked then is kept.
      if (presence.getState().self.floor === '') walking.seatAtDesk()
      // A retry and a resume (or a network's return) at once: the lobby the other is joining is the
      // one; a second would take the first's seat, and LiveKit would tell one of them it was taken over.
      if (lobby && lobby === joiningLobby) return
      if (!lobby?.connected) {
        const l: Lobby = createLobby({
          api: needApi(),
          workspaceId: workspace.id,
          presence,
          social: socialStore,
          onPeerMove: (id, x, y) => {
            // A peer's position is its own claim: drawn only within the floor it says it stands on.
            const f = floor.getState().floors.find((fl) => fl.id === presence.getState().peers[id]?.floor)
            motion.moveTo(id, f ? Math.min(x, f.width) : x, f ? Math.min(y, f.height) : y, 120)
          },
          // The notice carries the edit itself: applying it costs no request (a gap fetches).
          onFloorNotice: (notice) => void acceptFloorNotice(syncDeps(), notice).catch(() => undefined),
          onChat: (payload) => chat.receive(payload),
          onReconnecting: () => {
            if (gen === generation) session.getState().setConnection('connecting')
          },
          onResync: () => {
            if (gen === generation) session.getState().setConnection('online')
            // A LiveKit that restarted took us back with no attributes: say again where we are.
            lobby?.update(attributes())
            void syncFloors(syncDeps()).catch(() => undefined)
            // Chat notices sent while the connection was down are lost: catch up from the last seq.
            void chat.online().catch(() => undefined)
          },
          // Only the lobby in use speaks for the seat: one left behind (a reconnect) is no takeover.
          onLost: (why) => l === lobby && lobbyLost(gen, why),
        })
        lobby = l
        joiningLobby = l
        social.attach(l)
        try {
          await l.connect(attributes())
        } catch (err) {
          // Superseded while connecting (a reconnect, sleep or sign-out left it): not a failure.
          if (l !== lobby || gen !== generation) return
          throw new LivekitUnreachable((err as Error).message)
        } finally {
          if (joiningLobby === l) joiningLobby = null
        }
        if (l !== lobby || gen !== generation) {
          // Superseded, and joined all the same: leave, so that it holds no seat beside its successor.
          if (l !== lobby) void l.disconnect()
          return
        }
        // Edits made while we were not yet in the lobby were announced to nobody (the lobby room
        // may not even have existed): catch up once more now that notices reach us.
        await syncFloors(syncDeps())
        // Signed out meanwhile: no heartbeat or "online" for a session that has ended.
        if (gen !== generation) return
      }
      attempt = 0
      session.getState().setConnection('online')
      // The avatar may stand in a room without its call: clicked while the call service was not yet
      // there (a cached start), or left by a takeover before "Use here". The call follows the avatar.
      walking.followCall()
      void chat.online().catch(() => undefined)
      stopHeartbeat()
      let beats = 0
      heartbeat = setInterval(() => {
        beats++
        needApi().ping().then(
          (answered) => {
            if (answered === instance) {
              if (beats % FLOOR_CHECK_BEATS === 0) void syncFloors(syncDeps()).catch(() => undefined)
              return
            }
            // The server restarted between two beats: notices it had queued died with it. Catch up.
            instance = answered
            void Promise.all([syncFloors(syncDeps()), syncMembers(syncDeps()), chat.online()]).catch(() => undefined)
          },
          (err: unknown) => err instanceof OfflineError && offline(gen, 'cannot reach the server'),
        )
      }, HEARTBEAT_MS)
    } catch (err) {
      if (gen !== generation) return
      if (err instanceof ApiError && err.status === 401) {
        notices.getState().push('Your session has ended. Sign in again.')
        await endSession()
        return
      }
      offline(gen, err instanceof OfflineError ? 'cannot reach the server' : err instanceof LivekitUnreachable ? err.message : `cannot connect (${(err as Error).message})`)
    }
  }

  const reconnect = () => {
    const gen = generation
    const old = lobby
    lobby = null
    void (old?.disconnect() ?? Promise.resolve()).finally(() => void goOnline(gen))
  }

  const start = async (signed: SignedIn, opts: CredentialOptions) => {
    const saved: SavedSession = { token: signed.session.token, workspaceId: signed.workspace.id, memberId: signed.member.id }
    await platform.credentials.set(SESSION_KEY, JSON.stringify(saved), opts)
    await platform.cache.putWorkspace(signed.workspace)
    generation++
    floor.getState().clear()
    presence.getState().setSelf({ floor: '', room: null })
    session.getState().signedIn({ token: saved.token, workspace: signed.workspace, me: signed.member })
    // This member's own stars (the boot's read found nobody signed in, or someone else).
    void social.loadStars().catch(() => undefined)
    await goOnline(generation)
  }

  const endSession = async () => {
    generation++
    if (retry) clearTimeout(retry)
    stopHeartbeat()
    walking.reset()
    const [l, r] = [lobby, rooms]
    lobby = null
    rooms = null
    await Promise.allSettled([l?.disconnect(), r?.dispose()])
    chat.stop()
    await platform.credentials.forget(SESSION_KEY)
    // Nothing of the office stays on this machine after sign-out; a failed wipe does not keep anyone signed in.
    await platform.cache.clear().catch(() => undefined)
    floor.getState().clear()
    presence.getState().clearPeers()
    presence.getState().setSelf({ floor: '', room: null })
    // Nothing of this member's status, prompts or doors passes on to whoever signs in next here.
    status.reset()
    socialStore.getState().clearSession()
    session.getState().signedOut()
  }

  return {
    async boot() {
      // Host calls are round trips (IPC in Electron): ask for what does not depend on each other at once.
      const [config, raw] = await Promise.all([platform.config(), platform.credentials.get(SESSION_KEY)])
      api = createApi(config.serverUrl, () => session.getState().token)
      // Going to sleep: leave the lobby now, so that others do not see us sitting there until
      // LiveKit times the dead connection out; the resume below brings us back.
      platform.on('power:suspended', () => {
        if (session.getState().phase !== 'signed-in' || socialStore.getState().takenOver) return
        // ... and the call: nobody comes back from a night's sleep into yesterday's meeting with
        // the microphone on (the call would be joined again on waking, as after a network drop).
        const { room: inRoom, floor: onFloor } = presence.getState().self
        if (inRoom) {
          const name = roomName(floor.getState(), onFloor, inRoom) ?? 'the room'
          notices.getState().push(`You left the call in ${name} when the computer went to sleep`)
          walking.seatAtDesk()
          void rooms?.go(null).catch(() => undefined)
        }
        const old = lobby
        lobby = null
        void old?.disconnect()
        offline(generation, 'the computer went to sleep')
      })
      // After sleep the sockets may be dead without knowing it: reconnect now, not after a timeout.
      platform.on('power:resumed', () => {
        if (session.getState().phase === 'signed-in' && !socialStore.getState().takenOver) reconnect()
      })
      // Stars and chat's cache load after the cached floor has painted, not on its way.
      void afterFloorPaint().then(() => social.loadStars())
      const saved = raw ? (JSON.parse(raw) as SavedSession) : null
      if (!saved) {
        // Nobody is signed in here, yet the last member's office may still be cached: they quit
        // without signing out, and their session was kept only for that run ("Keep me signed in"
        // off, or no keyring to keep it in). Whoever signs in next must find none of it (their
        // private chats, the messages they had not sent yet).
        await platform.cache.clear().catch(() => undefined)
        return session.getState().signedOut()
      }
      const snapshot = await platform.cache.getSnapshot(saved.workspaceId)
      const me = snapshot?.members.find((m) => m.id === saved.memberId)
      if (snapshot && me) {
        // Paint the cached office before any network call returns.
        floor.getState().setFloors(snapshot.floors)
        floor.getState().setMembers(snapshot.members)
        if (snapshot.presence) presence.getState().remember(snapshot.presence.savedAt, snapshot.presence.peers.map((p) => ({ ...p, statusUntil: 0 })))
        session.getState().signedIn({ token: saved.token, workspace: snapshot.workspace, me })
        walking.seatAtDesk()
        // Chat reads offline: painted from its cache too, off the first paint's path.
        void afterFloorPaint()
          .then(() => chat.boot())
          .catch(() => undefined)
        // Going online (its code, the first requests) waits for that paint too: it is tens of
        // milliseconds of work that would otherwise run before the floor's first render.
        const gen = generation
        void afterFloorPaint().then(() => goOnline(gen))
        return
      }
      session.getState().signedIn({
        token: saved.token,
        workspace: snapshot?.workspace ?? { id: saved.workspaceId, name: '', createdAt: 0 },
        me: { id: saved.memberId, workspaceId: saved.workspaceId, name: '', role: 'member', colour: '#888888', deskId: null, lastSeenAt: null },
      })
      void goOnline(generation)
    },
    createWorkspace: async (body, opts) => start(await needApi().createWorkspace(body), opts),
    signIn: async (body, opts) => start(await needApi().signIn(body), opts),
    acceptInvite: async (code, body, opts) => start(await needApi().acceptInvite(code, body), opts),
    async signOut() {
      await needApi().signOut().catch(() => undefined)
      await endSession()
    },
    async signOutEverywhere() {
      await needApi().signOutEverywhere()
      await endSession()
    },
    invite: (body) => needApi().createInvite(session.getState().workspace!.id, body),
    useHere() {
      socialStore.getState().setTakenOver(false)
      reconnect()
    },
    media: () => rooms,
    prefetchRoom: (roomId) => rooms?.prefetch(roomId),
    api: needApi,
    motion,
    walking,
    social,
    status,
    chat,
  }
}
