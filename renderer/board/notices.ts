/**
 * Live board notices (server-sent on the lobby's `board` topic): schema-checked and size-bounded,
 * then applied to the board store (the Board region, the cards and the person card follow).
 * Loaded on the first notice, so the start-up bundle carries none of it.
 */
import { Value } from 'typebox/value'
import { BoardNoticeSchema, MAX_BOARD_NOTICE_BYTES, type BoardNotice } from '../../protocol/board.ts'
import { boardStore } from './board-store.ts'

/** The notice in `payload`, or null when it is too large or not a board notice. */
export function readBoardNotice(payload: Uint8Array): BoardNotice | null {
  if (payload.byteLength > MAX_BOARD_NOTICE_BYTES) return null
  try {
    const value: unknown = JSON.parse(new TextDecoder().decode(payload))
    return Value.Check(BoardNoticeSchema, value) ? value : null
  } catch {
    return null
  }
}

/** Applies a server-sent packet; false when it was dropped. */
export function receiveBoardNotice(payload: Uint8Array): boolean {
  const notice = readBoardNotice(payload)
  if (!notice) return false
  boardStore.getState().put(notice.entry)
  return true
}
