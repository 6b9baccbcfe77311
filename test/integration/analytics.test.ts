/**
 * Usage analytics from LiveKit's webhooks (issue 13), on the real livekit-server: coming online
 * (the lobby) and entering and leaving a room are recorded as they happen, and the hosts' figures
 * count them per hour; a period or bucket out of range is refused, naming what was wrong.
 */
import type { Room } from '@livekit/rtc-node'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Usage } from '../../protocol/analytics.ts'
import type { LobbyToken, SignedIn } from '../../protocol/api.ts'
import { addMember, connectParticipant, createWorkspace, occupy, until } from '../support/factories.ts'
import { httpClient, type HttpClient } from '../support/http.ts'
import { startStack, type Stack } from '../support/stack.ts'

describe('space usage from LiveKit webhooks', () => {
  let stack: Stack
  let http: HttpClient
  let owner: SignedIn
  let member: SignedIn
  const rooms: Room[] = []

  beforeAll(async () => {
    stack = await startStack()
    http = httpClient(stack.server.url)
    owner = await createWorkspace(http)
    member = await addMember(http, owner)
  })
  afterAll(async () => {
    await Promise.all(rooms.map((r) => r.disconnect()))
    await stack?.stop()
  })

  const usage = async (query = '?days=1&bucket=hour') => (await http.get<Usage>(`/api/workspaces/${owner.workspace.id}/analytics${query}`, owner.session.token)).body
  const online = async (who: SignedIn) => {
    const token = await http.post<LobbyToken>(`/api/workspaces/${who.workspace.id}/lobby/token`, undefined, who.session.token)
    const room = await connectParticipant(token.body.url, token.body.token)
    rooms.push(room)
    return room
  }

  it('counts people online and rooms in use this hour, and each room\'s hours', async () => {
    const before = await usage()
    expect(before.people.at(-1)).toBe(0)
    await online(owner)
    await online(member)
    const meeting = await occupy(http, member, 'room_meeting')
    rooms.push(meeting)
    await until(async () => {
      const now = await usage()
      return now.people.at(-1) === 2 && now.rooms.at(-1) === 1
    }, 'two people online and one room in use')
    // Leaving the room ends its visit: its hours stop growing.
    await meeting.disconnect()
    const hoursIn = async () => (await usage()).roomHours.find((r) => r.roomId === 'room_meeting')?.hours
    await until(async () => {
      const first = await hoursIn()
      await usage()
      return first !== undefined && first > 0 && first === (await hoursIn())
    }, 'the room visit to end')
    const day = await usage('?days=30&bucket=day')
    expect(day.starts).toHaveLength(30)
    expect(day.people.at(-1)).toBe(2)
    expect(day.roomHours.map((r) => r.name)).toEqual(['Meeting room'])
  })

  it('refuses a period or a bucket it does not offer, naming it', async () => {
    for (const [query, field] of [['?days=31', 'days'], ['?days=0', 'days'], ['?bucket=week', 'bucket']] as const) {
      const res = await http.get<{ message: string }>(`/api/workspaces/${owner.workspace.id}/analytics${query}`, owner.session.token)
      expect(res.status).toBe(400)
      expect(res.body.message).toContain(field)
    }
  })
})
