/**
 * Going places: the walker, the room a walk leads into, and the door rules. A click on a room
 * connects its call while the avatar walks; a locked or full room stops the avatar at its edge and
 * offers a knock; a refused entry steps back out. Calls follow wherever the avatar comes to rest.
 */
import { roomAt } from '../../protocol/floor/geometry.ts'
import { companiesStore, companyOf } from '../companies/companies-store.ts'
import type { Floor, Room } from '../../protocol/floor/records.ts'
import { decideEntry, type EntryRefusal } from '../../protocol/rules.ts'
import type { Motion } from '../floor/motion.ts'
import { roomDoor } from '../floor/room-shapes.ts'
import { freeSpotIn } from '../floor/spots.ts'
import { createWalker, type Walker } from '../floor/walker.ts'
import { ApiError } from '../services/api.ts'
import type { Lobby } from '../services/lobby.ts'
import type { MediaRooms } from '../services/media-room.ts'
import { currentFloor, deskOfMember } from '../stores/floor/selectors.ts'
import { othersIn, roomOf } from '../stores/presence/selectors.ts'
import { createStandingApart } from './standing-apart.ts'
import type { Stores } from './stores.ts'

export interface WalkingDeps {
  stores: Stores
  motion: Motion
  lobby(): Lobby | null
  rooms(): MediaRooms | null
}

export interface Walking {
  walker: Walker
  /** `requested`: at someone else's request (a wave answered, a meet), so the call starts muted. */
  goToRoom(roomId: string, opts?: { requested?: boolean }): void
  goToDesk(deskId?: string): void
  goToSpot(x: number, y: number): void
  goToPerson(memberId: string): void
  /** Puts this member at their desk (start-up, sign-in, a desk that moved). */
  seatAtDesk(): void
  /** Joins the call of the room the avatar stands in, if it is not joined or being joined already. */
  followCall(): void
  /** Lets this member through a room's door for a while (an admitted knock). */
  admit(roomId: string, untilMs: number): void
  /** Why this member may not walk into the room now, or null. */
  refusal(room: Room): EntryRefusal | null
  reset(): void
}

/** How close (floor units) to a room's edge its token is fetched ahead of the avatar walking in. */
const PREFETCH_DISTANCE = 60

/** Where an avatar stops in front of a room it may not enter: outside its door, as drawn. */
const doorOf = (room: Room, floor: Floor) => roomDoor(room, floor).stand

export function createWalking(deps: WalkingDeps): Walking {
  const { session, floor, presence, media, notices, social } = deps.stores
  const denied = new Map<string, string>()
  const admitted = new Map<string, number>()
  let lastOutside = { x: 0, y: 0 }

  const roomById = (id: string | null) => (id ? (currentFloor(floor.getState())?.rooms.find((r) => r.id === id) ?? null) : null)

  const refusal = (room: Room): EntryRefusal | null => {
    const me = session.getState().me
    if (!me) return null
    // Who is inside is the server's word: a peer claiming a room fills no seat and opens no door.
    const occupants = othersIn(presence.getState(), room.id, me.id).length
    // A guest's invite names its rooms; only the server knows them, so it decides for guests.
    const rooms = me.role === 'guest' ? [room.id] : []
    // Company-only rooms (issue 13): until the companies are read, the server decides alone.
    const companies = companiesStore.getState()
    const companyId = companies.loaded ? companyOf(companies, me.id) : (room.companyId ?? null)
    const decision = decideEntry(room, { id: me.id, role: me.role, rooms, companyId }, { admitted: (admitted.get(room.id) ?? 0) > Date.now(), occupants })
    return decision.ok ? null : decision.reason
  }

  const mayEnter = (roomId: string) => {
    const room = roomById(roomId)
    return !!room && !denied.has(roomId) && refusal(room) === null
  }

  /** Stopped at a door: say why, and offer a knock where a knock can help. */
  const stoppedAt = (roomId: string) => {
    const room = roomById(roomId)
    if (!room) return
    const reason = refusal(room) ?? 'locked'
    notices.getState().push(denied.get(roomId) ?? `${room.name} is ${reason === 'full' ? 'full' : reason}`)
    if (reason !== 'full' && reason !== 'removed') social.getState().setDoor({ roomId, reason })
  }

  const refused = (roomId: string | null, err: unknown) => {
    if (!roomId) return
    const name = roomById(roomId)?.name ?? 'This room'
    const reason = err instanceof ApiError ? (err.body.reason ?? err.body.error) : 'unreachable'
    const text = reason === 'removed' ? (err as Error).message : reason === 'full' || reason === 'locked' || reason === 'private' ? `${name} is ${reason}` : `Could not join ${name}: ${(err as Error).message}`
    if (err instanceof ApiError && err.status !== 404) {
      denied.set(roomId, text)
      // The server's answer is fresh now and stale soon (a door may open): forget it in a minute.
      // Someone removed from the room stays out until their ban ends (the server says when).
      const until = err.body.until
      setTimeout(() => denied.get(roomId) === text && denied.delete(roomId), reason === 'removed' && until ? Math.max(0, until - Date.now()) : 60_000)
    }
    notices.getState().push(text)
    if (reason === 'locked' || reason === 'private') social.getState().setDoor({ roomId, reason })
    if (presence.getState().self.room === roomId) walker.walkTo(lastOutside.x, lastOutside.y)
  }

  /**
   * Near a door we may go through, get ready to enter now (the room's preview, media-rooms): only
   * the nearest such room, so that standing between two doors does not join both.
   */
  const prefetchNear = (x: number, y: number) => {
    const f = currentFloor(floor.getState())
    let nearest: { id: string; distance: number } | null = null
    for (const r of f?.rooms ?? []) {
      const dx = Math.max(r.x - x, 0, x - (r.x + r.width))
      const dy = Math.max(r.y - y, 0, y - (r.y + r.height))
      const distance = dx + dy
      if (distance < PREFETCH_DISTANCE && (!nearest || distance < nearest.distance) && mayEnter(r.id)) nearest = { id: r.id, distance }
    }
    if (nearest) deps.rooms()?.prefetch(nearest.id, 'approach')
  }

  /** Where the others in a room stand now (the motion engine knows, also mid-walk). */
  const peopleIn = (roomId: string) => {
    const { peers } = presence.getState()
    return othersIn(presence.getState(), roomId, session.getState().me?.id ?? null).flatMap((id) => {
      const at = deps.motion.get(id) ?? peers[id]
      return at ? [{ x: at.x, y: at.y }] : []
    })
  }

  /** A member without a desk of their own sits at a hot desk nobody is sitting at. */
  const freeHotDesk = (f: Floor) => {
    const taken = Object.values(presence.getState().peers).map((p) => deps.motion.get(p.id) ?? { x: p.x, y: p.y })
    return f.desks.find((d) => d.hot && d.assigneeId === null && !taken.some((t) => Math.hypot(t.x - d.x, t.y - d.y) < 2)) ?? null
  }

  /** The room a walk at someone else's request leads into, until the avatar rests (its calls say `requested`). */
  let requestedRoom: string | null = null
  const goRoom = (roomId: string | null, startedAt?: number) =>
    deps.rooms()?.go(roomId, { ...(startedAt === undefined ? {} : { startedAt }), requested: roomId !== null && roomId === requestedRoom }).catch((err: unknown) => refused(roomId, err))

  const walker = createWalker({
    presence,
    motion: deps.motion,
    selfId: () => session.getState().me?.id ?? 'self',
    floor: () => currentFloor(floor.getState()),
    mayEnter,
    onBlocked: stoppedAt,
    onMove: (x, y) => {
      if (presence.getState().self.room === null) {
        lastOutside = { x, y }
        prefetchNear(x, y)
      }
      deps.lobby()?.move(x, y)
      apart.moved()
    },
    onRest: (x, y) => {
      deps.lobby()?.update({ x: String(Math.round(x)), y: String(Math.round(y)) })
      // A walk towards a room may have been cut short: the call follows where the avatar stopped.
      const here = presence.getState().self.room
      if (media.getState().roomId !== here) void goRoom(here)
      requestedRoom = null
      // Two who walked in at the same moment took the same spot: the later arrival steps aside.
      apart.rested(x, y)
    },
    onRoomChange: (roomId, startedAt) => {
      // Others learn the room from the server's occupancy once the call connects, not from us.
      social.getState().setDoor(null)
      void goRoom(roomId, startedAt)
    },
  })

  const apart = createStandingApart({ stores: deps.stores, walkTo: (x, y) => walker.walkTo(x, y) })

  /** Walking to something on another floor takes the lift: arrive at that floor's entrance. */
  const onFloor = (target: Floor) => {
    if (presence.getState().self.floor === target.id) return
    void goRoom(null)
    presence.getState().setSelf({ floor: target.id, room: null })
    deps.lobby()?.update({ floor: target.id })
    walker.placeAt(target.width / 2, target.height - 24)
  }

  return {
    walker,
    goToRoom(roomId, opts) {
      requestedRoom = opts?.requested ? roomId : null
      const f = currentFloor(floor.getState())
      const room = f?.rooms.find((r) => r.id === roomId)
      if (!f || !room) return
      onFloor(f)
      if (presence.getState().self.room === roomId) return
      if (!mayEnter(roomId)) {
        const door = doorOf(room, f)
        walker.walkTo(door.x, door.y)
        stoppedAt(roomId)
        return
      }
      const startedAt = performance.now()
      // The destination is known at the click: fetch the token and connect while the avatar walks,
      // so the call is up by the time it arrives. A walk that ends elsewhere is reconciled at rest.
      void goRoom(roomId, startedAt)
      const spot = freeSpotIn(room, peopleIn(roomId))
      walker.walkTo(spot.x, spot.y, startedAt)
    },
    goToDesk(deskId) {
      const state = floor.getState()
      const me = session.getState().me
      const seat = deskId
        ? state.floors.map((f) => ({ floor: f, desk: f.desks.find((d) => d.id === deskId) })).find((s) => s.desk)
        : me
          ? deskOfMember(state, me.id)
          : null
      if (!seat?.desk) {
        // No desk of their own: "home" is a free hot desk on this floor.
        const f = currentFloor(floor.getState())
        const hot = !deskId && f ? freeHotDesk(f) : null
        if (f && hot) {
          onFloor(f)
          walker.walkTo(hot.x, hot.y)
        }
        return
      }
      onFloor(seat.floor)
      walker.walkTo(seat.desk.x, seat.desk.y)
    },
    goToSpot(x, y) {
      const f = currentFloor(floor.getState())
      if (!f) return
      onFloor(f)
      const room = roomAt(f, x, y)
      if (room && presence.getState().self.room !== room.id) return this.goToRoom(room.id)
      walker.walkTo(x, y)
    },
    goToPerson(memberId) {
      const peer = presence.getState().peers[memberId]
      if (!peer) return
      const target = floor.getState().floors.find((f) => f.id === peer.floor)
      if (target) floor.getState().selectFloor(target.id)
      const theirs = roomOf(presence.getState(), memberId, session.getState().me?.id ?? null)
      if (theirs) return this.goToRoom(theirs)
      const at = deps.motion.get(memberId) ?? { x: peer.x, y: peer.y }
      if (target) onFloor(target)
      walker.walkTo(at.x + 36, at.y)
    },
    seatAtDesk() {
      const me = session.getState().me
      const seat = me ? deskOfMember(floor.getState(), me.id) : null
      const f = seat?.floor ?? currentFloor(floor.getState())
      if (!f) return
      presence.getState().setSelf({ floor: f.id })
      floor.getState().selectFloor(f.id)
      const hot = seat ? null : freeHotDesk(f)
      if (seat) walker.placeAt(seat.desk.x, seat.desk.y)
      else if (hot) walker.placeAt(hot.x, hot.y)
      else walker.placeAt(f.width / 2, f.height - 24)
      lastOutside = walker.position()
    },
    followCall() {
      const here = presence.getState().self.room
      if (here && media.getState().roomId !== here) void goRoom(here)
    },
    admit(roomId, untilMs) {
      admitted.set(roomId, untilMs)
      denied.delete(roomId)
    },
    refusal,
    reset() {
      walker.stop()
      denied.clear()
      admitted.clear()
    },
  }
}
