/**
 * Shelves (issue 14) in both stores (a real SQLite file, a real PostgreSQL database): notes and
 * files on a place's shelf, newest first and up to a limit; edits that searches then find; comment
 * threads that go with their item; follows that go with the member; counts per shelf; a search
 * that looks only on the shelves it is given, in any case.
 */
import { describe, expect, it } from 'vitest'
import type { NewShelfItem } from '../../../../server/store/shelf-store.ts'
import { storeKinds } from '../../../support/stores.ts'
import { inviteRecord, newMember, seedWorkspace } from './fixtures.ts'

const kinds = storeKinds()

const note = (changes: Partial<NewShelfItem> = {}): NewShelfItem => ({
  id: 'shi_plan', placeId: 'desk_1', kind: 'note', title: 'Plan', body: 'Ship the **release**', file: null, authorId: 'mem_x', createdAt: 10, ...changes,
})

describe.each(kinds)('$name store', (kind) => {
  const withMember = async () => {
    const store = await kind.open()
    const { workspaceId: ws, ownerId } = await seedWorkspace(store)
    const bo = newMember()
    await store.createInvite('c_bo', inviteRecord(ws))
    await store.acceptInvite('c_bo', bo, 2)
    return { store, ws, ownerId, bo: bo.memberId }
  }

  it('keeps notes and files on a shelf, newest first, up to its limit, and counts them per shelf', async () => {
    const { store, ws, ownerId } = await withMember()
    expect(await store.addShelfItem(ws, note({ authorId: ownerId }), 2)).toMatchObject({ id: 'shi_plan', title: 'Plan', comments: 0, updatedAt: 10, file: null })
    const file = { storageKey: 'blobkey', type: 'application/pdf', size: 1234 }
    expect(await store.addShelfItem(ws, note({ id: 'shi_doc', kind: 'file', title: 'Report.pdf', body: '', file, createdAt: 20 }), 2)).toMatchObject({ file })
    expect(await store.addShelfItem(ws, note({ id: 'shi_more', createdAt: 30 }), 2)).toBe('full')
    await store.addShelfItem(ws, note({ id: 'shi_room', placeId: 'room_lounge' }), 2)
    expect((await store.listShelfItems(ws, 'desk_1')).map((i) => i.id)).toEqual(['shi_doc', 'shi_plan'])
    expect(await store.shelfCounts(ws)).toEqual([{ placeId: 'desk_1', items: 2 }, { placeId: 'room_lounge', items: 1 }])
    expect(await store.getShelfItem(ws, 'shi_more')).toBeNull()
    expect(await store.getShelfItem('ws_other', 'shi_plan')).toBeNull()
  })

  it('edits a note, and removes an item with its comments', async () => {
    const { store, ws } = await withMember()
    await store.addShelfItem(ws, note(), 10)
    expect(await store.updateShelfItem(ws, 'shi_plan', { body: 'New body' }, 50)).toMatchObject({ title: 'Plan', body: 'New body', updatedAt: 50, createdAt: 10 })
    expect(await store.updateShelfItem(ws, 'shi_none', { title: 'X' }, 50)).toBeNull()
    await store.addShelfComment(ws, { id: 'shc_1', itemId: 'shi_plan', authorId: 'mem_y', body: 'Nice', createdAt: 60 }, 10)
    expect((await store.deleteShelfItem(ws, 'shi_plan'))?.id).toBe('shi_plan')
    expect(await store.deleteShelfItem(ws, 'shi_plan')).toBeNull()
    expect(await store.getShelfComment(ws, 'shc_1')).toBeNull()
    expect(await store.shelfCounts(ws)).toEqual([])
  })

  it('keeps an item’s comments in order, up to a limit, edits and removes them, and counts them on the item', async () => {
    const { store, ws, bo } = await withMember()
    await store.addShelfItem(ws, note(), 10)
    expect(await store.addShelfComment(ws, { id: 'shc_b', itemId: 'shi_plan', authorId: bo, body: 'First', createdAt: 60 }, 2)).toMatchObject({ body: 'First', updatedAt: 60 })
    await store.addShelfComment(ws, { id: 'shc_a', itemId: 'shi_plan', authorId: bo, body: 'Second', createdAt: 70 }, 2)
    expect(await store.addShelfComment(ws, { id: 'shc_c', itemId: 'shi_plan', authorId: bo, body: 'Third', createdAt: 80 }, 2)).toBe('full')
    expect(await store.addShelfComment(ws, { id: 'shc_d', itemId: 'shi_none', authorId: bo, body: 'Lost', createdAt: 80 }, 2)).toBeNull()
    expect((await store.listShelfComments(ws, 'shi_plan')).map((c) => c.body)).toEqual(['First', 'Second'])
    expect((await store.getShelfItem(ws, 'shi_plan'))!.comments).toBe(2)
    expect(await store.updateShelfComment(ws, 'shc_b', 'First, edited', 90)).toMatchObject({ body: 'First, edited', createdAt: 60, updatedAt: 90 })
    expect(await store.updateShelfComment(ws, 'shc_none', 'x', 90)).toBeNull()
    expect(await store.deleteShelfComment(ws, 'shc_b')).toBe(true)
    expect(await store.deleteShelfComment(ws, 'shc_b')).toBe(false)
    expect((await store.listShelfComments(ws, 'shi_plan')).map((c) => c.id)).toEqual(['shc_a'])
    // A comment's author leaving keeps the comment: it is part of the thread.
    await store.removeMember(ws, bo, 100)
    expect(await store.getShelfComment(ws, 'shc_a')).toMatchObject({ authorId: bo })
  })

  it('keeps followers of a shelf, once each, and drops a member who leaves', async () => {
    const { store, ws, ownerId, bo } = await withMember()
    await store.setShelfFollow(ws, 'room_lounge', bo, true, 5)
    await store.setShelfFollow(ws, 'room_lounge', ownerId, true, 6)
    await store.setShelfFollow(ws, 'room_lounge', bo, true, 7)
    expect(await store.shelfFollowers(ws, 'room_lounge')).toEqual([bo, ownerId])
    await store.setShelfFollow(ws, 'room_lounge', ownerId, false, 8)
    expect(await store.shelfFollowers(ws, 'room_lounge')).toEqual([bo])
    await store.removeMember(ws, bo, 9)
    expect(await store.shelfFollowers(ws, 'room_lounge')).toEqual([])
  })

  it('searches titles, file names and note bodies in any case, only on the shelves it is given', async () => {
    const { store, ws } = await withMember()
    await store.addShelfItem(ws, note({ title: 'Quarterly PLAN', body: 'Ünïcode Budget' }), 10)
    await store.addShelfItem(ws, note({ id: 'shi_file', kind: 'file', title: 'budget-2026.pdf', body: '', file: { storageKey: 'k', type: 'application/pdf', size: 1 }, createdAt: 20 }), 10)
    await store.addShelfItem(ws, note({ id: 'shi_secret', placeId: 'room_private', title: 'Budget secrets', createdAt: 30 }), 10)
    await store.addShelfItem(ws, note({ id: 'shi_100', title: '100% sure', body: 'a_b', createdAt: 40 }), 10)
    const ids = async (text: string, places = ['desk_1']) => (await store.searchShelves(ws, places, text, 10)).map((i) => i.id)
    expect(await ids('budget')).toEqual(['shi_file', 'shi_plan'])
    expect(await ids('BUDGET', ['desk_1', 'room_private'])).toEqual(['shi_secret', 'shi_file', 'shi_plan'])
    expect(await ids('ünïcode')).toEqual(['shi_plan'])
    expect(await ids('plan')).toEqual(['shi_plan'])
    // Wildcards of LIKE are plain characters here.
    expect(await ids('%')).toEqual(['shi_100'])
    expect(await ids('_')).toEqual(['shi_100'])
    expect(await ids('budget', [])).toEqual([])
    expect(await store.searchShelves(ws, ['desk_1'], 'budget', 1)).toHaveLength(1)
    // An edit is found by its new words, and no longer by its old ones.
    await store.updateShelfItem(ws, 'shi_plan', { title: 'Roadmap', body: 'later' }, 50)
    expect(await ids('roadmap')).toEqual(['shi_plan'])
    expect(await ids('quarterly')).toEqual([])
  })
})
