/**
 * Nobody is left stranded by a host's edit. When the floor plan changes under this member:
 * - the room they are in was removed (or their floor was): they leave its call and go back to their desk, with a notice;
 * - the room shrank and they now stand outside it: they step back inside (the call stays);
 * - their desk moved while they sat at it: they move with it;
 * - their desk was removed: they are told, and told again which desk is theirs when the server gives them another.
 */
import type { Floor } from '../../protocol/floor/records.ts'
import { deskOfMember } from '../stores/floor/selectors.ts'
import type { Office } from './office.ts'
import type { Stores } from './stores.ts'

/** How close (floor units) to their desk a member counts as sitting at it. */
const AT_DESK = 2

export function watchFloorChanges(stores: Stores, office: Office): () => void {
  const { floor, presence, session, notices } = stores
  const say = (text: string) => notices.getState().push(text)

  let toldNoDesk = false
  return floor.subscribe((state, previous) => {
    if (state.floors === previous.floors) return
    const me = session.getState().me
    if (!me) return
    if (!toldNoDesk && me.role !== 'guest' && state.floors.length > 0 && Object.keys(state.members).length > 0 && !deskOfMember(state, me.id)) {
      toldNoDesk = true
      const hot = state.floors.some((f) => f.desks.some((d) => d.hot))
      say(hot ? 'You have no desk of your own: sit at any free hot desk' : 'There is no free desk for you yet; a host can give you one')
    }
    if (previous.floors.length === 0) return
    const self = presence.getState().self
    const floorOf = (floors: readonly Floor[], id: string) => floors.find((f) => f.id === id)
    const before = floorOf(previous.floors, self.floor)
    const now = floorOf(state.floors, self.floor)

    if (before && !now) {
      say(`${before.name} was removed by a host; you are back at your desk`)
      office.walking.seatAtDesk()
      return
    }
    if (self.room && now) {
      const was = before?.rooms.find((r) => r.id === self.room)
      const room = now.rooms.find((r) => r.id === self.room)
      if (!room) {
        say(`${was?.name ?? 'The room'} was removed by a host; you left its call`)
        office.walking.goToDesk()
        return
      }
      const at = office.walking.walker.position()
      if (at.x < room.x || at.y < room.y || at.x > room.x + room.width || at.y > room.y + room.height) {
        office.walking.walker.walkTo(Math.min(Math.max(at.x, room.x + 20), room.x + room.width - 20), Math.min(Math.max(at.y, room.y + 20), room.y + room.height - 20))
      }
    }

    const oldSeat = deskOfMember(previous, me.id)
    const newSeat = deskOfMember(state, me.id)
    if (oldSeat && !newSeat) {
      say(`Your desk ${oldSeat.desk.label} was removed. You will get a free desk if there is one.`)
    } else if (newSeat && oldSeat?.desk.id !== newSeat.desk.id) {
      say(`Desk ${newSeat.desk.label} on ${newSeat.floor.name} is yours now`)
    } else if (oldSeat && newSeat && !self.room && (oldSeat.desk.x !== newSeat.desk.x || oldSeat.desk.y !== newSeat.desk.y)) {
      const at = office.walking.walker.position()
      if (Math.hypot(at.x - oldSeat.desk.x, at.y - oldSeat.desk.y) <= AT_DESK) office.walking.goToDesk()
    }
  })
}
