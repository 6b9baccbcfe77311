/**
 * Reading the server's notices on the lobby's `floor` topic (protocol/presence.ts FloorNotice).
 * They come from the server alone, but a client of another version, or a bug, must not break the
 * office: anything that is not a well-formed notice of bounded size is refused here, never thrown.
 * Each op is checked by applyBatch when the batch is applied.
 */
import Type from 'typebox'
import { Value } from 'typebox/value'
import { FloorSummarySchema } from '../../protocol/api.ts'
import { MAX_OPS_PER_BATCH } from '../../protocol/floor/ops.ts'
import { FloorIdSchema } from '../../protocol/floor/records.ts'
import { MAX_NOTICE_BYTES, type FloorNotice } from '../../protocol/presence.ts'

/** Batches are cut at MAX_NOTICE_BYTES; the floor list may run a little longer. */
const MAX_BYTES = 4 * MAX_NOTICE_BYTES
const Version = Type.Integer({ minimum: 0 })

const FloorNoticeSchema = Type.Union([
  Type.Object({
    type: Type.Literal('batch'),
    floorId: FloorIdSchema,
    version: Version,
    batchId: Type.String({ minLength: 1, maxLength: 64 }),
    ops: Type.Array(Type.Object({ op: Type.String() }), { minItems: 1, maxItems: MAX_OPS_PER_BATCH }),
  }),
  Type.Object({ type: Type.Literal('since'), floorId: FloorIdSchema, version: Version }),
  Type.Object({ type: Type.Literal('floors'), floors: Type.Array(FloorSummarySchema, { maxItems: 1_000 }) }),
])

const decoder = new TextDecoder()

/** The notice in `payload`, or null when it is not one. */
export function readFloorNotice(payload: Uint8Array): FloorNotice | null {
  if (payload.byteLength > MAX_BYTES) return null
  let parsed: unknown
  try {
    parsed = JSON.parse(decoder.decode(payload))
  } catch {
    return null
  }
  // The ops are only shaped like ops here; applyBatch refuses a bad one and sync then fetches.
  return Value.Check(FloorNoticeSchema, parsed) ? (parsed as FloorNotice) : null
}
