/**
 * Issue 14: the shelves' live notices (server-sent on the lobby's shelf topic): schema-checked and
 * size-bounded, then applied: counts for the marks on the floor, item changes for an open shelf,
 * and comments as alerts with Open. Anything else is dropped.
 */
import { Value } from 'typebox/value'
import { MAX_SHELF_NOTICE_BYTES, ShelfNoticeSchema, type ShelfNotice } from '../../protocol/shelf.ts'
import { emitShelfChange, shelfStore } from './shelf-store.ts'

/** The notice in `payload`, or null when it is too large or not a shelf notice. */
export function readShelfNotice(payload: Uint8Array): ShelfNotice | null {
  if (payload.byteLength > MAX_SHELF_NOTICE_BYTES) return null
  try {
    const value: unknown = JSON.parse(new TextDecoder().decode(payload))
    return Value.Check(ShelfNoticeSchema, value) ? value : null
  } catch {
    return null
  }
}

/** Applies a server-sent packet; false when it was dropped. */
export function receiveShelfNotice(payload: Uint8Array): boolean {
  const notice = readShelfNotice(payload)
  if (!notice) return false
  const s = shelfStore.getState()
  if (notice.type === 'comment') {
    s.alert(notice)
    return true
  }
  s.count(notice.type === 'item' ? notice.item.placeId : notice.placeId, notice.items)
  emitShelfChange(notice)
  return true
}
