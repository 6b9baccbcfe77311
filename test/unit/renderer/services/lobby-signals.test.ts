/**
 * Hands and reactions over the lobby, on real stores: what a peer sends is checked, bounded and
 * throttled before anyone sees it; this member's own hand and reactions go out, and the hand goes
 * down on leaving its room.
 */
import { describe, expect, it } from 'vitest'
import { REACTION_LIMIT, REACTION_WINDOW_MS, type PresenceAttributes, type ReactionPacket } from '../../../../protocol/presence.ts'
import { createLobbySignals } from '../../../../renderer/services/lobby-signals.ts'
import { createRejections } from '../../../../renderer/services/peer-input.ts'
import { createPresenceStore } from '../../../../renderer/stores/presence/store.ts'
import { createSocialStore } from '../../../../renderer/stores/social/store.ts'

function setup() {
  let now = 0
  const social = createSocialStore()
  const presence = createPresenceStore()
  const rejections = createRejections(() => {})
  const sent: ReactionPacket[] = []
  const updates: Partial<PresenceAttributes>[] = []
  const signals = createLobbySignals({ social, presence, rejections, now: () => now, publish: (p) => sent.push(p), update: (u) => updates.push(u) })
  presence.getState().setOccupancy({ room_meeting: ['mem_eve', 'mem_bo'] })
  const bytes = (s: string) => new TextEncoder().encode(s)
  return { social, presence, rejections, sent, updates, signals, bytes, tick: (ms: number) => (now += ms) }
}

describe('reactions from peers', () => {
  it('shows a reaction from the fixed set', () => {
    const { social, signals, bytes } = setup()
    signals.reaction('mem_bo', bytes('{"emoji":"🎉"}'))
    expect(social.getState().reactions.mem_bo?.emoji).toBe('🎉')
  })

  it.each([
    ['an emoji outside the set', '{"emoji":"💩"}', 'reaction'],
    ['free text', '{"emoji":"click https://evil.example"}', 'reaction'],
    ['an oversized packet', `{"emoji":"👍","pad":"${'x'.repeat(200)}"}`, 'reaction'],
    ['text that is not JSON', '👍', 'reaction'],
  ])('drops %s and counts it', (_what, text, kind) => {
    const { social, signals, rejections, bytes } = setup()
    signals.reaction('mem_eve', bytes(text))
    expect(social.getState().reactions).toEqual({})
    expect(rejections.counts()).toEqual({ [kind]: 1 })
  })

  it('drops a reaction from someone the server has in no room', () => {
    const { social, signals, rejections, bytes } = setup()
    signals.reaction('mem_ana', bytes('{"emoji":"👍"}'))
    expect(social.getState().reactions).toEqual({})
    expect(rejections.counts()).toEqual({ 'reaction outside a room': 1 })
  })

  it(`shows at most ${REACTION_LIMIT} from one peer in ${REACTION_WINDOW_MS / 1000} s, without silencing another`, () => {
    const { social, signals, rejections, bytes, tick } = setup()
    const shown: number[] = []
    social.subscribe((s, prev) => s.reactions.mem_eve !== prev.reactions.mem_eve && s.reactions.mem_eve && shown.push(s.reactions.mem_eve.seq))
    for (let i = 0; i < 50; i++) signals.reaction('mem_eve', bytes('{"emoji":"👏"}'))
    expect(shown).toHaveLength(REACTION_LIMIT)
    expect(rejections.counts()).toEqual({ 'reaction over the limit': 50 - REACTION_LIMIT })
    signals.reaction('mem_bo', bytes('{"emoji":"👍"}'))
    expect(social.getState().reactions.mem_bo?.emoji).toBe('👍')
    tick(REACTION_WINDOW_MS)
    signals.reaction('mem_eve', bytes('{"emoji":"👏"}'))
    expect(shown).toHaveLength(REACTION_LIMIT + 1)
  })
})

describe('hands from peers', () => {
  it('takes a well-formed hand and drops it when lowered, malformed or gone', () => {
    const { social, signals } = setup()
    signals.attributes('mem_bo', { hand: 'room_meeting' })
    expect(social.getState().hands.mem_bo?.room).toBe('room_meeting')
    signals.attributes('mem_bo', { hand: '' })
    expect(social.getState().hands.mem_bo).toBeUndefined()
    signals.attributes('mem_eve', { hand: '✋✋✋ LOOK AT ME' })
    expect(social.getState().hands.mem_eve).toBeUndefined()
    signals.attributes('mem_bo', { hand: 'room_meeting' })
    signals.gone('mem_bo')
    expect(social.getState().hands).toEqual({})
  })

  it('keeps the time a hand went up when its attributes repeat', () => {
    const { social, signals } = setup()
    signals.attributes('mem_bo', { hand: 'room_meeting' })
    const first = social.getState().hands
    signals.attributes('mem_bo', { hand: 'room_meeting', status: 'busy' })
    expect(social.getState().hands).toBe(first)
  })
})

describe("this member's own hand and reactions", () => {
  it('publishes a raised hand as the attribute, and a reaction as a packet', () => {
    const { social, presence, signals, sent, updates } = setup()
    presence.getState().setSelf({ room: 'room_meeting' })
    const stop = signals.start('mem_ana')
    social.getState().setHand('mem_ana', 'room_meeting')
    social.getState().react('mem_ana', '👍')
    // Someone else's entries are never published as ours.
    social.getState().react('mem_bo', '🎉')
    social.getState().setHand('mem_ana', null)
    expect(updates).toEqual([{ hand: 'room_meeting' }, { hand: '' }])
    expect(sent).toEqual([{ emoji: '👍' }])
    stop()
    social.getState().react('mem_ana', '👍')
    expect(sent).toHaveLength(1)
  })

  it('lowers the hand on leaving its room, also for a room left while offline', () => {
    const { social, presence, signals, updates } = setup()
    presence.getState().setSelf({ room: 'room_meeting' })
    const stop = signals.start('mem_ana')
    social.getState().setHand('mem_ana', 'room_meeting')
    presence.getState().setSelf({ room: 'room_lounge' })
    expect(social.getState().hands.mem_ana).toBeUndefined()
    expect(updates.at(-1)).toEqual({ hand: '' })
    stop()

    social.getState().setHand('mem_ana', 'room_lounge')
    expect(signals.ownHand('mem_ana')).toBe('room_lounge')
    presence.getState().setSelf({ room: null })
    expect(signals.ownHand('mem_ana')).toBe('')
    expect(social.getState().hands.mem_ana).toBeUndefined()
  })
})
