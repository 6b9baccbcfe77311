/**
 * Only server notices that match the schema and the size bound reach the shelf store: counts for the
 * floor's marks follow items added and removed, comments become alerts (a few at most), and an open
 * shelf hears of item changes.
 */
import { beforeEach, describe, expect, it } from 'vitest'
import { MAX_SHELF_NOTICE_BYTES } from '../../../../protocol/shelf.ts'
import { readShelfNotice, receiveShelfNotice } from '../../../../renderer/shelf/notices.ts'
import { onShelfChange, shelfStore } from '../../../../renderer/shelf/shelf-store.ts'

const bytes = (value: unknown) => new TextEncoder().encode(typeof value === 'string' ? value : JSON.stringify(value))
const item = { id: 'shi_plan', placeId: 'desk_1', kind: 'note', title: 'Plan', authorId: 'mem_ana', createdAt: 1, updatedAt: 1, comments: 0, file: null }
const comment = (id: string) => ({
  type: 'comment', placeId: 'desk_1', placeName: 'Desk 1', item: { id: 'shi_plan', title: 'Plan', kind: 'note' },
  comment: { id, itemId: 'shi_plan', authorId: 'mem_bo', body: 'Nice', createdAt: 2, updatedAt: 2 },
})

describe('shelf notices', () => {
  beforeEach(() => shelfStore.setState({ counts: { room_lounge: 2 }, alerts: [], open: null }))

  it('keep the counts of the floor’s marks, and tell an open shelf what changed', () => {
    const heard: string[] = []
    const stop = onShelfChange((n) => heard.push(n.type))
    expect(receiveShelfNotice(bytes({ type: 'item', item, items: 1 }))).toBe(true)
    expect(shelfStore.getState().counts).toEqual({ room_lounge: 2, desk_1: 1 })
    expect(receiveShelfNotice(bytes({ type: 'item-gone', placeId: 'room_lounge', itemId: 'shi_x', items: 0 }))).toBe(true)
    expect(shelfStore.getState().counts).toEqual({ desk_1: 1 })
    stop()
    expect(heard).toEqual(['item', 'item-gone'])
  })

  it('turn comments into alerts, once each, the latest few', () => {
    for (const id of ['shc_1', 'shc_1', 'shc_2', 'shc_3', 'shc_4', 'shc_5']) receiveShelfNotice(bytes(comment(id)))
    expect(shelfStore.getState().alerts.map((a) => a.comment.id)).toEqual(['shc_2', 'shc_3', 'shc_4', 'shc_5'])
    shelfStore.getState().dismiss('shc_3')
    expect(shelfStore.getState().alerts).toHaveLength(3)
  })

  it.each([
    ['not JSON', 'not json'],
    ['an unknown type', { type: 'party', item, items: 1 }],
    ['a place that is not a room or a desk', { type: 'item', item: { ...item, placeId: '../etc' }, items: 1 }],
    ['a negative count', { type: 'item', item, items: -1 }],
    ['an over-long comment', { ...comment('shc_1'), comment: { ...comment('shc_1').comment, body: 'x'.repeat(5_000) } }],
  ])('drop %s', (_, value) => {
    expect(readShelfNotice(bytes(value))).toBeNull()
  })

  it('drop anything over the size bound', () => {
    expect(readShelfNotice(bytes({ ...comment('shc_1'), padding: 'x'.repeat(MAX_SHELF_NOTICE_BYTES) }))).toBeNull()
  })
})
