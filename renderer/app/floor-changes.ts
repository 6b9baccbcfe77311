/**
 * Nobody is left stranded by a host's edit. When the floor plan changes under this member:
 * - the room they are in was removed (or their floor was), or the server showed them out of its
 *   call (the room was removed or made smaller): they go back to their desk, with a notice;
 * - their call was lost while they stay in the room (LiveKit restarted): it is joined again;
 * - the room shrank and they now stand outside its walls: they step back inside (the call stays);
 * - the desk they sit at (theirs, or a hot desk) moved: they move with it;
 * - their desk was removed: they are told, and told which desk is theirs when the server gives them another.
 * On first load, a member with no desk of their own is told where to sit.
 */
import type { Floor } from '../../protocol/floor/records.ts'
import { REJOIN_WINDOW_MS } from '../services/media/types.ts'
import { deskOfMember, roomName } from '../stores/floor/selectors.ts'
import type { Office } from './office.ts'
import type { Stores } from './stores.ts'

/** How close (floor units) to a desk a member counts as sitting at it. */
const AT_DESK = 2

export function watchFloorChanges(stores: Stores, office: Office): () => void {
  const { floor, presence, session, notices, media } = stores
  const say = (text: string) => notices.getState().push(text)
  const floorOf = (floors: readonly Floor[], id: string) => floors.find((f) => f.id === id)
  let checkedDesk = false
  /** The room whose call the server showed us out of, so its removal is not announced twice. */
  let shownOut: string | null = null
  const nameOf = (id: string) => roomName(floor.getState(), presence.getState().self.floor, id) ?? 'the room'
  /** Out of the room at once (no walk that something could cut short), then a step that tells the lobby where. */
  const backToDesk = () => {
    office.walking.seatAtDesk()
    office.walking.goToDesk()
  }

  /**
   * A call lost without being shown out (LiveKit restarted, or the network stayed away longer than
   * livekit-client's resume) is joined again while the avatar stays in its room: at once, then with
   * growing waits (at most 2 s, and at once when the network comes back), for 60 s. Walking out
   * ends the attempts. The call panel says "Reconnecting…" meanwhile; after the 60 s the member is
   * told, and is back at their desk with no call.
   */
  let retry: { timer: ReturnType<typeof setTimeout>; now: () => void } | null = null
  const rejoin = (roomId: string, attempt: number, lostAt: number) => {
    if (retry) clearTimeout(retry.timer)
    const tryNow = () => {
      retry = null
      const { phase, error } = media.getState()
      if (presence.getState().self.room !== roomId || phase !== 'reconnecting' || error !== `lost:${roomId}`) return
      office.media()?.go(roomId).catch(() => {
        if (Date.now() - lostAt < REJOIN_WINDOW_MS) return rejoin(roomId, attempt + 1, lostAt)
        // Given up: not "Reconnecting…" for ever, with the camera still capturing for a call that is
        // gone. Back at the desk, where walking in again joins the call anew.
        if (presence.getState().self.room !== roomId) return
        say(`The call in ${nameOf(roomId)} was lost and could not be joined again; you are back at your desk`)
        backToDesk()
        void office.media()?.go(null).catch(() => undefined)
      })
    }
    retry = { timer: setTimeout(tryNow, attempt === 0 ? 0 : Math.min(2_000, 250 * 2 ** attempt)), now: tryNow }
  }
  const online = () => {
    if (!retry) return
    clearTimeout(retry.timer)
    retry.now()
  }
  window.addEventListener('online', online)

  const offMedia = media.subscribe((state, previous) => {
    if (state.error === previous.error) return
    const lost = state.error?.startsWith('lost:') ? state.error.slice('lost:'.length) : null
    if (lost && presence.getState().self.room === lost) return rejoin(lost, 0, Date.now())
    const removed = state.error?.startsWith('removed:') ? state.error.slice('removed:'.length) : null
    if (!removed || presence.getState().self.room !== removed) return
    shownOut = removed
    say(`You left the call in ${nameOf(removed)}: a host changed the room`)
    backToDesk()
  })

  const offFloor = floor.subscribe((state, previous) => {
    if (state.floors === previous.floors) return
    const me = session.getState().me
    if (!me) return
    if (!checkedDesk && me.role !== 'guest' && state.floors.length > 0 && Object.keys(state.members).length > 0) {
      checkedDesk = true
      const hot = state.floors.some((f) => f.desks.some((d) => d.hot))
      if (!deskOfMember(state, me.id)) say(hot ? 'You have no desk of your own: sit at any free hot desk' : 'There is no free desk for you yet; a host can give you one')
    }
    if (previous.floors.length === 0) return
    const self = presence.getState().self
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
        if (shownOut !== self.room) say(`${was?.name ?? 'The room'} was removed by a host; you left its call`)
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
    if (oldSeat && !newSeat) say(`Your desk ${oldSeat.desk.label} was removed. You get a free desk if there is one.`)
    else if (newSeat && oldSeat?.desk.id !== newSeat.desk.id) say(`Desk ${newSeat.desk.label} on ${newSeat.floor.name} is yours now`)

    // Sitting at a desk (one's own or a hot desk) that moved: move with it.
    if (!self.room && before && now) {
      const at = office.walking.walker.position()
      const sat = before.desks.find((d) => Math.hypot(at.x - d.x, at.y - d.y) <= AT_DESK)
      const moved = sat && now.desks.find((d) => d.id === sat.id)
      if (sat && moved && (moved.x !== sat.x || moved.y !== sat.y)) office.walking.walker.walkTo(moved.x, moved.y)
    }
  })

  return () => {
    window.removeEventListener('online', online)
    if (retry) clearTimeout(retry.timer)
    offMedia()
    offFloor()
  }
}
