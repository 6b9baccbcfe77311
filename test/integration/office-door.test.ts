/**
 * A private office's door is its owner's, even when the owner is a plain member who cannot open the
 * floor editor: they choose who else may walk in through their own route, and whoever they take
 * off the list is shown out of the office's call, as after a host's edit.
 */
import { describe, expect, it } from 'vitest'
import type { SignedIn } from '../../protocol/api.ts'
import type { Floor } from '../../protocol/floor/records.ts'
import { addMember, createWorkspace, editFloor, occupantsOf, until } from '../support/factories.ts'
import { dropped, roomSuite } from '../support/room-suite.ts'
import { startStack } from '../support/stack.ts'

type Answer = { version: number; error: string; message: string; field?: string }

describe("an office owner's door", () => {
  const suite = roomSuite(startStack, (stack) => stack.server.url)
  const { http, enter } = suite

  /** A workspace whose starter office (room_private) the owner gave to Cy, a plain member; Bo is another member. */
  const workspace = async () => {
    const owner = await createWorkspace(http)
    const [bo, cy] = [await addMember(http, owner), await addMember(http, owner)]
    await editFloor(http, owner, [{ op: 'room.update', id: 'room_private', changes: { ownerId: cy.member.id } }])
    return { owner, bo, cy }
  }
  const setAllowed = (who: SignedIn, allowed: unknown, room = 'room_private') =>
    http.call<Answer>('PUT', `/api/workspaces/${who.workspace.id}/rooms/${room}/allowed`, { token: who.session.token, body: { allowed } })
  const allowedOf = async (who: SignedIn) =>
    (await http.get<Floor>(`/api/workspaces/${who.workspace.id}/floors/floor_main`, who.session.token)).body.rooms.find((r) => r.id === 'room_private')!.allowed
  const roomToken = (who: SignedIn) => http.post(`/api/workspaces/${who.workspace.id}/rooms/room_private/token`, undefined, who.session.token)

  it('its owner, a plain member, lets someone in; taken off the list again, they are shown out of the call', async () => {
    const { bo, cy } = await workspace()
    expect((await roomToken(bo)).status).toBe(403)

    const opened = await setAllowed(cy, [bo.member.id])
    expect(opened.status, JSON.stringify(opened.body)).toBe(200)
    expect(await allowedOf(bo)).toEqual([bo.member.id])
    const inside = await enter(bo, 'room_private')
    const shownOut = dropped(inside)
    expect((await setAllowed(cy, [])).status).toBe(200)
    await shownOut
    await until(async () => (await occupantsOf(http, cy, 'room_private')).length === 0, 'the office empty by the server')
    expect((await roomToken(bo)).status).toBe(403)
  })

  it('refuses a list naming someone who is not a member, or someone twice, saying which; and a room that is not there', async () => {
    const { owner, bo, cy } = await workspace()
    const stranger = await createWorkspace(http)
    const outsider = await setAllowed(cy, [stranger.member.id])
    expect(outsider.status).toBe(400)
    expect(outsider.body.field).toMatch(/^allowed/)
    expect(outsider.body.message).toContain(stranger.member.id)
    const twice = await setAllowed(cy, [bo.member.id, bo.member.id])
    expect(twice.status).toBe(400)
    expect(twice.body.message).toMatch(/allowed/)
    expect((await setAllowed(cy, [], 'room_nowhere')).status).toBe(404)
    // Nothing changed on the way.
    expect(await allowedOf(owner)).toEqual([])
  })
})
