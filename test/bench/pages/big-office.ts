/**
 * A large office for the floor-render benchmark, the same every run: one floor with 30 rooms and
 * 2,000 desks (a grid of spots outside the rooms, picked by a seeded shuffle), and 500 members at
 * their desks or in rooms with a mix of statuses. Within `floorLimits` (protocol/floor/records.ts).
 */
import type { Member, Workspace } from '../../../protocol/api.ts'
import { DESK_SIZE, floorLimits, type Desk, type Floor, type Room } from '../../../protocol/floor/records.ts'
import type { Status } from '../../../protocol/presence.ts'
import type { Peer } from '../../../renderer/stores/presence/store.ts'
import { seeded } from './seeded.ts'

export const OFFICE = { desks: 2_000, rooms: 30, people: 500, width: 9_000, height: 6_000 } as const

const kinds: Room['kind'][] = ['meeting', 'meeting', 'lounge', 'private', 'stage']
const first = ['Ana', 'Bo', 'Cy', 'Dee', 'Eli', 'Fay', 'Gus', 'Hana', 'Ivo', 'Jun', 'Kai', 'Lea', 'Mo', 'Nia', 'Oto', 'Pia', 'Quin', 'Rui', 'Sol', 'Tess']
const last = ['Silva', 'Lee', 'Young', 'Okafor', 'Novak', 'Berg', 'Costa', 'Haddad', 'Ito', 'Kowalski', 'Moreau', 'Nakamura', 'Osei', 'Patel', 'Rossi', 'Schmidt', 'Tanaka', 'Uribe', 'Vidal', 'Weber', 'Xu', 'Zhou', 'Adeyemi', 'Brown', 'Dubois']
const colours = ['#e03131', '#2f9e44', '#1971c2', '#f08c00', '#9c36b5', '#0c8599', '#e8590c', '#5c940d', '#3b5bdb', '#c2255c']
const statusCycle: Status[] = ['available', 'available', 'available', 'available', 'available', 'available', 'available', 'busy', 'busy', 'away', 'away', 'dnd']

export interface BigOffice {
  workspace: Workspace
  floor: Floor
  me: Member
  members: Member[]
  /** Everyone else, as the lobby would report them (resting presence from attributes). */
  peers: Peer[]
  /** Who is in which room, as the server's occupancy notice would say. */
  occupancy: Record<string, string[]>
}

function rooms(): Room[] {
  // A 6 × 5 grid of room slots with open floor between them for desks.
  const list: Room[] = []
  for (let i = 0; i < OFFICE.rooms; i++) {
    const col = i % 6
    const row = Math.floor(i / 6)
    const kind = kinds[i % kinds.length]!
    const [width, height] = kind === 'private' ? [320, 260] : kind === 'stage' ? [640, 420] : [480, 340]
    list.push({
      id: `room_${i}`,
      name: `${kind === 'private' ? 'Office' : kind === 'stage' ? 'Stage' : kind === 'lounge' ? 'Lounge' : 'Room'} ${i + 1}`,
      kind,
      x: 160 + col * 1_460,
      y: 140 + row * 1_180,
      width,
      height,
      capacity: kind === 'stage' ? 200 : kind === 'private' ? 4 : 12,
      locked: i % 7 === 3,
      ownerId: null,
      allowed: [],
    })
  }
  return list
}

function desks(roomList: readonly Room[], random: () => number): Desk[] {
  const spacing = 92
  const margin = DESK_SIZE
  const spots: { x: number; y: number }[] = []
  for (let y = 80; y <= OFFICE.height - 60; y += spacing) {
    for (let x = 80; x <= OFFICE.width - 60; x += spacing) {
      const inRoom = roomList.some((r) => x > r.x - margin && x < r.x + r.width + margin && y > r.y - margin && y < r.y + r.height + margin)
      if (!inRoom) spots.push({ x, y })
    }
  }
  for (let i = spots.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1))
    ;[spots[i], spots[j]] = [spots[j]!, spots[i]!]
  }
  const chosen = spots.slice(0, OFFICE.desks).sort((a, b) => a.y - b.y || a.x - b.x)
  if (chosen.length < OFFICE.desks) throw new Error(`only ${chosen.length} desk spots outside the rooms`)
  return chosen.map((s, i) => ({ id: `desk_${i}`, label: String(i + 1), x: s.x, y: s.y, rotation: 0, assigneeId: null }))
}

export function bigOffice(): BigOffice {
  const random = seeded(20_240_501)
  const workspace: Workspace = { id: 'ws_bench', name: 'Bench Office', createdAt: 0 }
  const roomList = rooms()
  const deskList = desks(roomList, random)
  const member = (i: number, name: string): Member => ({
    id: `mem_p${i}`,
    workspaceId: workspace.id,
    name,
    role: i === 0 ? 'owner' : 'member',
    colour: colours[i % colours.length]!,
    deskId: null,
    lastSeenAt: null,
  })
  // Member 0 is the one looking at the screen; 1…500 are the others. Every third desk is taken.
  const members = Array.from({ length: OFFICE.people + 1 }, (_, i) => member(i, i === 0 ? 'Bench Viewer' : `${first[i % first.length]} ${last[Math.floor(i / first.length) % last.length]} ${i}`))
  members.forEach((m, i) => {
    const desk = deskList[i * 3]!
    desk.assigneeId = m.id
    m.deskId = desk.id
  })
  const floor: Floor = { id: 'floor_bench', name: 'Main floor', version: 1, width: OFFICE.width, height: OFFICE.height, rooms: roomList, desks: deskList }
  if (floor.width > floorLimits.maxSide || floor.height > floorLimits.maxSide || deskList.length > floorLimits.maxDesks || roomList.length > floorLimits.maxRooms) {
    throw new Error('the bench office is beyond floorLimits')
  }

  // Who is in which room comes from the server's occupancy, never from a peer's claim.
  const occupancy: Record<string, string[]> = {}
  const peers = members.slice(1).map((m, k): Peer => {
    const desk = deskList.find((d) => d.id === m.deskId)!
    // One in ten is in a room (not the walkers, who are the first 50).
    const room = k >= 50 && k % 10 === 0 ? roomList[k % roomList.length]! : null
    const at = room ? { x: room.x + 40 + random() * (room.width - 80), y: room.y + 60 + random() * (room.height - 100) } : { x: desk.x, y: desk.y + 30 }
    const status = statusCycle[k % statusCycle.length]!
    if (room) (occupancy[room.id] ??= []).push(m.id)
    return {
      id: m.id,
      status,
      statusText: status === 'busy' ? '🎧 focus time' : status === 'away' ? '🍜 lunch' : '',
      statusUntil: 0,
      floor: floor.id,
      x: Math.round(at.x),
      y: Math.round(at.y),
    }
  })
  return { workspace, floor, me: members[0]!, members, peers, occupancy }
}
