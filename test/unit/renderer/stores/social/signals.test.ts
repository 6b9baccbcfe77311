/** Hands and reactions in the social store, and whose hand counts: the server's occupancy decides. */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { REACTION_SHOW_MS } from '../../../../../protocol/presence.ts'
import { handRaised, raisedHandsIn } from '../../../../../renderer/stores/social/selectors.ts'
import { createSocialStore } from '../../../../../renderer/stores/social/store.ts'

describe('reactions in the store', () => {
  beforeEach(() => vi.useFakeTimers())
  afterEach(() => vi.useRealTimers())

  it(`fade after ${REACTION_SHOW_MS} ms, and a new one starts the time again`, () => {
    const social = createSocialStore()
    social.getState().react('mem_bo', '👍')
    vi.advanceTimersByTime(REACTION_SHOW_MS - 1_000)
    social.getState().react('mem_bo', '🎉')
    vi.advanceTimersByTime(1_000)
    expect(social.getState().reactions.mem_bo?.emoji).toBe('🎉')
    vi.advanceTimersByTime(REACTION_SHOW_MS)
    expect(social.getState().reactions).toEqual({})
  })

  it('forgets everyone but this member when the lobby goes', () => {
    const social = createSocialStore()
    social.getState().setHand('mem_ana', 'room_meeting')
    social.getState().setHand('mem_bo', 'room_meeting')
    social.getState().react('mem_bo', '👍')
    social.getState().clearSignals('mem_ana')
    expect(Object.keys(social.getState().hands)).toEqual(['mem_ana'])
    expect(social.getState().reactions).toEqual({})
  })
})

describe('whose hand counts', () => {
  const hands = { mem_bo: { room: 'room_meeting', at: 2 }, mem_cy: { room: 'room_meeting', at: 1 }, mem_eve: { room: 'room_private', at: 0 }, mem_ana: { room: 'room_meeting', at: 3 } }
  const where = { occupancy: { room_meeting: ['mem_bo', 'mem_cy', 'mem_eve'] }, self: { room: 'room_meeting' } }

  it('counts a hand only in the room the server has them in', () => {
    expect(handRaised(hands, where, 'mem_bo', 'mem_ana')).toBe(true)
    // Eve says she raised it in the private office; the server has her in the meeting room.
    expect(handRaised(hands, where, 'mem_eve', 'mem_ana')).toBe(false)
    expect(handRaised(hands, { ...where, occupancy: {} }, 'mem_bo', 'mem_ana')).toBe(false)
  })

  it("counts this member's own hand in the room the walker has them in", () => {
    expect(handRaised(hands, where, 'mem_ana', 'mem_ana')).toBe(true)
    expect(handRaised(hands, { ...where, self: { room: null } }, 'mem_ana', 'mem_ana')).toBe(false)
  })

  it('lists raised hands first raised first', () => {
    expect(raisedHandsIn(hands, where, 'room_meeting', 'mem_ana')).toEqual(['mem_cy', 'mem_bo', 'mem_ana'])
  })
})
