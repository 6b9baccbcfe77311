/**
 * Who sees and who writes a shelf (issue 14), decided by the server alone:
 * - a room's shelf follows the room's door as its chat does (server/chat/access.ts readRoom: a
 *   private office is its owner's, its allowed list's and those a knock let in; a company-only room
 *   its company's; a guest reads the rooms of their invite); to anyone else it does not exist (404);
 * - a desk's shelf is read by every member; guests do not see desk shelves (404);
 * - adding notes and files: on a room's shelf whoever sees it but guests (they read and comment);
 *   on a desk's shelf its owner and hosts, and every member on a desk nobody owns (a hot desk);
 * - changing or removing an item or a comment: its author, hosts, and the place's owner (a desk's
 *   assignee, a private office's owner), as long as they still see the shelf.
 */
import type { FastifyInstance } from 'fastify'
import type { Room } from '../../protocol/floor/records.ts'
import { atLeast } from '../../protocol/rules.ts'
import { readRoom } from '../chat/access.ts'
import { entrantOf, entrantsOf } from '../companies/entrants.ts'
import { notFound } from '../http-error.ts'
import type { MemberRecord } from '../store/store.ts'

export interface ShelfPlace {
  id: string
  kind: 'room' | 'desk'
  /** As people read it: a room's name, or "Desk <label>". */
  name: string
  /** A desk's assignee, a room's owner (private offices); null when nobody's. */
  ownerId: string | null
  room: Room | null
}

export interface SeenShelf {
  place: ShelfPlace
  mayAdd: boolean
  moderates: boolean
}

/** Every room and desk of the workspace's floors, by id. */
export async function placesOf(app: FastifyInstance, ws: string): Promise<Map<string, ShelfPlace>> {
  const places = new Map<string, ShelfPlace>()
  for (const floor of await app.store.listFloors(ws)) {
    for (const room of floor.rooms) places.set(room.id, { id: room.id, kind: 'room', name: room.name, ownerId: room.ownerId, room })
    for (const desk of floor.desks) places.set(desk.id, { id: desk.id, kind: 'desk', name: `Desk ${desk.label}`, ownerId: desk.hot ? null : desk.assigneeId, room: null })
  }
  return places
}

const admittedTo = (app: FastifyInstance, ws: string, roomId: string, memberId: string) => app.store.isAdmitted(ws, roomId, memberId, app.now())

/** Whether `who` sees `place`'s shelf; admissions are looked up only for someone the door would refuse. */
async function sees(app: FastifyInstance, who: MemberRecord, place: ShelfPlace, entrant?: Awaited<ReturnType<typeof entrantOf>>): Promise<boolean> {
  if (place.kind === 'desk') return who.role !== 'guest'
  const e = entrant ?? (await entrantOf(app, who))
  return readRoom(place.room!, e, false) || readRoom(place.room!, e, await admittedTo(app, who.workspaceId, place.id, who.id))
}

/** The shelf of `placeId` as `who` may use it; 404 when it is no place of theirs to see, whether or not it exists. */
export async function seeShelf(app: FastifyInstance, who: MemberRecord, placeId: string): Promise<SeenShelf> {
  const place = (await placesOf(app, who.workspaceId)).get(placeId)
  if (!place || !(await sees(app, who, place))) throw notFound('shelf')
  const host = atLeast(who.role, 'host')
  const owner = place.ownerId === who.id
  const mayAdd = who.role !== 'guest' && (place.kind === 'room' || host || owner || place.ownerId === null)
  return { place, mayAdd, moderates: host || owner }
}

/** Whether `who` may change or remove what `authorId` wrote on this shelf. */
export const mayChange = (seen: SeenShelf, who: MemberRecord, authorId: string | null) => seen.moderates || (authorId !== null && authorId === who.id)

/** Every shelf `who` sees now, by place id. */
export async function shelvesSeenBy(app: FastifyInstance, who: MemberRecord): Promise<Map<string, ShelfPlace>> {
  const entrant = await entrantOf(app, who)
  const seen = new Map<string, ShelfPlace>()
  for (const place of (await placesOf(app, who.workspaceId)).values()) {
    if (await sees(app, who, place, entrant)) seen.set(place.id, place)
  }
  return seen
}

/** Who sees `place`'s shelf now (members not being removed): the audience of its live notices. */
export async function shelfReaders(app: FastifyInstance, ws: string, place: ShelfPlace): Promise<string[]> {
  const members = (await app.store.listMembers(ws)).filter((m) => m.removingSince == null)
  if (place.kind === 'desk') return members.filter((m) => m.role !== 'guest').map((m) => m.id)
  const [admitted, entrants] = await Promise.all([app.store.roomAdmissions(ws, place.id, app.now()).then((ids) => new Set(ids)), entrantsOf(app, ws, members)])
  return members.filter((m) => readRoom(place.room!, entrants.get(m.id) ?? m, admitted.has(m.id))).map((m) => m.id)
}
