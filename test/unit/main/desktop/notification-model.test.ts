import { describe, expect, it } from 'vitest'
import type { DesktopNotice } from '../../../../protocol/desktop-ipc.ts'
import { createNoticeModel } from '../../../../main/desktop/notification-model.ts'

const notice = (n: Partial<DesktopNotice>): DesktopNotice => ({ kind: 'wave', from: 'mem_ana', fromName: 'Ana', place: '', text: '', ref: '1', ...n })

describe('notification model', () => {
  it('offers Admit on a knock, naming the room, and echoes kind and ref as its id', () => {
    expect(createNoticeModel().decide(notice({ kind: 'knock', place: 'Lounge', ref: '7' }), 'available')).toEqual({
      id: 'knock:7', title: 'Ana is knocking', body: 'on Lounge', silent: false, buttons: [{ action: 'admit', label: 'Admit' }], reply: false,
    })
  })

  it('offers Join on a wave, and says where they are', () => {
    const n = createNoticeModel().decide(notice({ place: 'Kitchen' }), 'busy')
    expect([n?.title, n?.body, n?.buttons]).toEqual(['Ana waves at you', 'Join them in Kitchen', [{ action: 'join', label: 'Join' }]])
  })

  it('offers an inline Reply on a mention, with the message as body', () => {
    const n = createNoticeModel().decide(notice({ kind: 'mention', place: '#general', text: 'can you look?', ref: 'conv_1/msg_2' }), 'available')
    expect(n).toMatchObject({ id: 'mention:conv_1/msg_2', title: 'Ana mentioned you in #general', body: 'can you look?', reply: true, buttons: [{ action: 'reply', label: 'Reply' }] })
  })

  it('tells of a starred teammate arriving, without buttons (a click goes to them)', () => {
    expect(createNoticeModel().decide(notice({ kind: 'starred', ref: 'mem_ana' }), 'away')).toMatchObject({ id: 'starred:mem_ana', title: 'Ana is available', body: 'They just came online', buttons: [] })
  })

  it('reminds of an event with Join only when it has a room', () => {
    const model = createNoticeModel()
    expect(model.decide(notice({ kind: 'reminder', from: 'evt_1', fromName: 'Standup', text: 'in 5 minutes', place: 'Lounge' }), 'available')).toMatchObject({
      title: 'Starting soon: Standup', body: 'in 5 minutes in Lounge', buttons: [{ action: 'join', label: 'Join' }],
    })
    expect(model.decide(notice({ kind: 'reminder', from: 'evt_2', fromName: 'Offsite', text: 'tomorrow' }), 'available')?.buttons).toEqual([])
  })

  it('shows nothing during do-not-disturb, of any kind', () => {
    const model = createNoticeModel()
    for (const kind of ['knock', 'wave', 'mention', 'starred', 'reminder'] as const) expect(model.decide(notice({ kind }), 'dnd')).toBeNull()
  })

  it('throttles per sender: a flood from one never silences another, and the budget comes back', () => {
    let t = 0
    const model = createNoticeModel({ limit: 3, windowMs: 60_000, now: () => t })
    const shown = () => [model.decide(notice({}), 'available'), model.decide(notice({ from: 'mem_bo' }), 'available')].map((n) => n !== null)
    expect([shown(), shown(), shown(), shown()]).toEqual([[true, true], [true, true], [true, true], [false, false]])
    t = 60_000
    expect(shown()).toEqual([true, true])
  })

  it('spends no budget during do-not-disturb', () => {
    const model = createNoticeModel({ limit: 1, windowMs: 60_000, now: () => 0 })
    model.decide(notice({}), 'dnd')
    expect(model.decide(notice({}), 'available')).not.toBeNull()
  })

  it('bounds what it shows, whatever it is given', () => {
    const n = createNoticeModel().decide(notice({ kind: 'mention', fromName: '   ', text: 'x'.repeat(1000), place: 'p'.repeat(120) }), 'available')
    expect(n?.title.startsWith('Someone mentioned you')).toBe(true)
    expect(n?.body.length).toBeLessThanOrEqual(1000)
    expect(n?.title.length).toBeLessThanOrEqual(200)
  })
})
