/**
 * What a client takes from a peer: attributes one by one (a bad one costs only itself), packets and
 * RPC payloads whole or not at all, and a count of what was ignored that does not flood the console.
 */
import { describe, expect, it } from 'vitest'
import { MAX_REACTION_BYTES, reactions } from '../../../../protocol/presence.ts'
import { MovePacketSchema, ReactionPacketSchema, rpcRequestSchemas } from '../../../../protocol/presence-schemas.ts'
import { createRejections, handOf, peerOf, readAttributes, readPacket, readText } from '../../../../renderer/services/peer-input.ts'

const good = { status: 'busy', statusText: '🎧 Focusing', statusUntil: '1767225600000', floor: 'floor_main', x: '280', y: '420' }

const read = (raw: Record<string, string>) => {
  const bad: string[] = []
  return { value: readAttributes(raw, (key) => bad.push(key)), bad }
}

describe('readAttributes', () => {
  it('takes well-formed attributes as they are', () => {
    expect(read(good)).toEqual({ value: good, bad: [] })
  })

  it('gives missing attributes their neutral value without calling them bad', () => {
    expect(read({})).toEqual({ value: { status: 'available', statusText: '', statusUntil: '', floor: '', x: '0', y: '0' }, bad: [] })
  })

  it.each([
    ['an unknown status', { status: 'hacker' }, 'status', 'available'],
    ['a status text over 100 characters', { statusText: 'x'.repeat(101) }, 'statusText', ''],
    ['60 kB of status text', { statusText: '<script>'.repeat(7_500) }, 'statusText', ''],
    ['a status end that is not a time', { statusUntil: 'tomorrow' }, 'statusUntil', ''],
    ['a floor id of another shape', { floor: '../../etc/passwd' }, 'floor', ''],
    ['x that is not a number', { x: 'NaN' }, 'x', '0'],
    ['x at infinity', { x: 'Infinity' }, 'x', '0'],
    ['a negative y', { y: '-5' }, 'y', '0'],
    ['y in exponent form', { y: '1e9' }, 'y', '0'],
    ['x beyond the largest floor', { x: '99999' }, 'x', '0'],
  ])('refuses %s, and only that attribute', (_what, patch: Record<string, string>, key, neutral) => {
    const { value, bad } = read({ ...good, ...patch })
    expect(bad).toEqual([key])
    expect(value).toEqual({ ...good, [key]: neutral })
  })

  it('ignores what the protocol does not know: a self-declared room, desk or name', () => {
    expect(read({ ...good, room: 'room_private', desk: 'desk_1', name: 'Ana Silva' })).toEqual({ value: good, bad: [] })
  })
})

describe('peerOf', () => {
  it('keeps the identity LiveKit vouches for, with numbers for time and position', () => {
    expect(peerOf('mem_bo', good, () => {})).toEqual({ id: 'mem_bo', status: 'busy', statusText: '🎧 Focusing', statusUntil: 1767225600000, floor: 'floor_main', x: 280, y: 420 })
  })
})

describe('readPacket and readText', () => {
  const bytes = (s: string) => new TextEncoder().encode(s)
  it.each([
    ['a move', '{"x":10,"y":20}', { x: 10, y: 20 }],
    ['JSON that is not an object', '[1,2]', null],
    ['text that is not JSON', '{"x":', null],
    ['a number out of range', '{"x":1e308,"y":0}', null],
    ['a negative number', '{"x":-1,"y":0}', null],
    ['a string for a number', '{"x":"10","y":0}', null],
    ['JSON null', 'null', null],
  ])('reads %s', (_what, text, expected) => {
    expect(readPacket(MovePacketSchema, bytes(text), 256)).toEqual(expected)
  })

  it('refuses a packet over its size limit unread', () => {
    expect(readPacket(MovePacketSchema, bytes(`{"x":1,"y":1,"pad":"${'x'.repeat(300)}"}`), 256)).toBeNull()
  })

  it.each([
    ['office.knock', '{"roomId":"room_private"}', { roomId: 'room_private' }],
    ['office.knock', '{"roomId":"<img src=x onerror=alert(1)>"}', null],
    ['office.meet', '{}', null],
    ['office.meet', '{"roomId":"room_meeting"}', { roomId: 'room_meeting' }],
    ['office.wave', '{"roomId":"room_private"}', { roomId: 'room_private' }],
    ['office.wave', '"hi"', null],
  ] as const)('checks a %s request: %s', (method, text, expected) => {
    expect(readText(rpcRequestSchemas[method], text, 15_360)).toEqual(expected)
  })
})

describe('createRejections', () => {
  it('counts every ignored thing and says so at the 1st, 10th and 100th time', () => {
    const said: string[] = []
    const rejections = createRejections((m) => said.push(m))
    for (let i = 0; i < 150; i++) rejections.note('move packet', 'mem_eve')
    rejections.note('knock over the limit', 'mem_eve')
    expect(rejections.counts()).toEqual({ 'move packet': 150, 'knock over the limit': 1 })
    expect(said).toEqual([
      'ignored move packet from mem_eve (1 so far)',
      'ignored move packet from mem_eve (10 so far)',
      'ignored move packet from mem_eve (100 so far)',
      'ignored knock over the limit from mem_eve (1 so far)',
    ])
  })
})

describe('a raised hand', () => {
  it.each([
    ['a room id', 'room_meeting', 'room_meeting', []],
    ['lowered', '', '', []],
    ['missing', undefined, '', []],
    ['free text', 'I have a question!', '', ['hand']],
    ['a long string', `room_${'x'.repeat(5_000)}`, '', ['hand']],
  ] as const)('is read from the attribute when %s', (_what, hand, expected, badKeys) => {
    const raw: Record<string, string> = hand === undefined ? good : { ...good, hand }
    expect(handOf(raw)).toBe(expected)
    expect(read(raw).bad).toEqual(badKeys)
  })
})

describe('a reaction packet', () => {
  const bytes = (s: string) => new TextEncoder().encode(s)
  it.each([
    ['a thumbs up', '{"emoji":"👍"}', { emoji: '👍' }],
    ['a heart with its variation selector', '{"emoji":"❤️"}', { emoji: '❤️' }],
    ['an emoji outside the set', '{"emoji":"💩"}', null],
    ['free text', '{"emoji":"<b>hi</b>"}', null],
    ['two emoji', '{"emoji":"👍👍"}', null],
    ['no emoji', '{}', null],
    ['a number', '{"emoji":1}', null],
  ])('reads %s', (_what, text, expected) => {
    expect(readPacket(ReactionPacketSchema, bytes(text), MAX_REACTION_BYTES)).toEqual(expected)
  })

  it('refuses an oversized reaction unread', () => {
    expect(readPacket(ReactionPacketSchema, bytes(`{"emoji":"👍","pad":"${'x'.repeat(100)}"}`), MAX_REACTION_BYTES)).toBeNull()
  })

  it('accepts every reaction the buttons offer', () => {
    for (const emoji of reactions) expect(readPacket(ReactionPacketSchema, bytes(JSON.stringify({ emoji })), MAX_REACTION_BYTES)).toEqual({ emoji })
  })
})
