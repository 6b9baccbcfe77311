/**
 * Publishing follows LiveKit's permission, on a real livekit-client Room (not connected: its local
 * participant's permissions are set the way its signal client sets them when the server changes
 * them): the member's tracks go out at once where they may publish, wait in a stage's audience,
 * go out when brought on stage and are taken back when taken off.
 */
import { ParticipantPermission } from '@livekit/protocol'
import { Room } from 'livekit-client'
import { describe, expect, it } from 'vitest'
import { canPublish, publishWhenAllowed } from '../../../../../renderer/services/media/permissions.ts'

const allow = (room: Room, canPublishNow: boolean) =>
  (room.localParticipant as unknown as { setPermissions(p: ParticipantPermission): boolean }).setPermissions(
    new ParticipantPermission({ canSubscribe: true, canPublishData: true, canPublish: canPublishNow, canPublishSources: [] }),
  )

describe('publishing follows the permission', () => {
  it('publishes at once where permissions are unknown or allow it', () => {
    const room = new Room()
    expect(canPublish(room.localParticipant)).toBe(true)
    const calls: string[] = []
    publishWhenAllowed(room, { publishAll: async () => void calls.push('publish'), unpublishAll: async () => void calls.push('unpublish') })
    expect(calls).toEqual(['publish'])
  })

  it('waits in the audience, publishes when brought on stage, unpublishes when taken off, and stops following when told', () => {
    const room = new Room()
    allow(room, false)
    const calls: string[] = []
    const stop = publishWhenAllowed(room, { publishAll: async () => void calls.push('publish'), unpublishAll: async () => void calls.push('unpublish') })
    expect(calls).toEqual([])
    allow(room, true)
    expect(calls).toEqual(['publish'])
    allow(room, false)
    expect(calls).toEqual(['publish', 'unpublish'])
    stop()
    allow(room, true)
    expect(calls).toEqual(['publish', 'unpublish'])
  })
})
