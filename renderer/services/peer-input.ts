/**
 * Reading what peers send. LiveKit vouches for who sent something (the identity the server put in
 * their token), never for what it says: every attribute, data packet and RPC payload from a peer is
 * checked here against the schemas of protocol/presence.ts. Whatever does not match is dropped and
 * counted, never thrown, and one bad attribute costs that attribute only, not the peer or anyone else.
 */
import type { Static, TSchema } from 'typebox'
import { Value } from 'typebox/value'
import { floorLimits } from '../../protocol/floor/records.ts'
import type { PresenceAttributes } from '../../protocol/presence.ts'
import { PresenceAttributesSchema } from '../../protocol/presence-schemas.ts'
import type { Peer } from '../stores/presence/store.ts'

/** Counts what peers sent that was ignored, by kind, and says so in the console without flooding it. */
export interface Rejections {
  note(what: string, from: string): void
  counts(): Readonly<Record<string, number>>
}

export function createRejections(warn: (message: string) => void = (m) => console.warn(m)): Rejections {
  const counts: Record<string, number> = {}
  return {
    note(what, from) {
      const n = (counts[what] ?? 0) + 1
      counts[what] = n
      // A flood must not flood the console too: say it at the 1st, 10th, 100th… time.
      if (/^10*$/.test(String(n))) warn(`ignored ${what} from ${from} (${n} so far)`)
    },
    counts: () => ({ ...counts }),
  }
}

const decoder = new TextDecoder()

/** The JSON value in `payload` if it matches `schema` and is at most `maxBytes` long; otherwise null. */
export function readPacket<S extends TSchema>(schema: S, payload: Uint8Array, maxBytes: number): Static<S> | null {
  if (payload.byteLength > maxBytes) return null
  return readText(schema, decoder.decode(payload), maxBytes)
}

/** The JSON value in `text` if it matches `schema` and is at most `maxChars` long; otherwise null. */
export function readText<S extends TSchema>(schema: S, text: string, maxChars: number): Static<S> | null {
  if (text.length > maxChars) return null
  let parsed: unknown
  try {
    parsed = JSON.parse(text)
  } catch {
    return null
  }
  return Value.Check(schema, parsed) ? (parsed as Static<S>) : null
}

const fields = PresenceAttributesSchema.properties
const keys = Object.keys(fields) as (keyof PresenceAttributes)[]
const unset: PresenceAttributes = { status: 'available', statusText: '', statusUntil: '', floor: '', x: '0', y: '0' }

const valid = (key: keyof PresenceAttributes, value: string) =>
  Value.Check(fields[key], value) && (key !== 'x' && key !== 'y' ? true : Number(value) <= floorLimits.maxSide)

/**
 * A peer's declared attributes, each checked on its own: a missing one takes its neutral value, a
 * malformed one too, and is reported through `bad`. Keys the protocol does not know are ignored.
 */
export function readAttributes(raw: Readonly<Record<string, string>>, bad: (key: string) => void): PresenceAttributes {
  const out: Record<string, string> = { ...unset }
  for (const key of keys) {
    const value = raw[key]
    if (value === undefined) continue
    if (valid(key, value)) out[key] = value
    else bad(key)
  }
  return out as PresenceAttributes
}

/** The presence of the lobby participant `id` (the identity LiveKit vouches for), from its attributes. */
export function peerOf(id: string, raw: Readonly<Record<string, string>>, bad: (key: string) => void): Peer {
  const a = readAttributes(raw, bad)
  return { id, status: a.status, statusText: a.statusText, statusUntil: Number(a.statusUntil || 0), floor: a.floor, x: Number(a.x), y: Number(a.y) }
}

/** The room a peer says it raised its hand in, or '' (lowered, or malformed: peerOf counts that). */
export function handOf(raw: Readonly<Record<string, string>>): string {
  const hand = raw.hand
  return hand !== undefined && Value.Check(fields.hand, hand) ? hand : ''
}
