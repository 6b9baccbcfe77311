/**
 * The IPC contract as a whole (Electron checklist item 17): every invoke channel has an argument
 * schema that is a closed tuple with bounded sizes, a result schema, and reaches its handler only
 * through wire.ts, which checks the sender and the arguments before the handler runs. Channels
 * added later (protocol/desktop-ipc.ts) are covered without touching this file.
 */
import { Value } from 'typebox/value'
import { describe, expect, it, vi } from 'vitest'
import { hostEvents, invokeChannels, type InvokeChannel, type IpcHandlers } from '../../../../protocol/ipc.ts'
import { invokeOnWire } from '../../../../main/ipc/wire.ts'
import { APP_ENTRY_URL, packagedTrust } from '../../../../main/policy/renderer-origin.ts'

const channels = Object.keys(invokeChannels) as InvokeChannel[]
const events = Object.keys(hostEvents)
type Schema = Record<string, unknown> & { type?: string; items?: unknown; anyOf?: unknown[]; properties?: Record<string, unknown> }

/** A closed tuple: a fixed list of positions and nothing after them. */
const isClosedTuple = (s: Schema) => s.type === 'array' && Array.isArray(s.items) && s.additionalItems === false

/** Paths of strings without a length bound or pattern, and arrays without maxItems, inside `s`. */
function unbounded(s: Schema, path: string): string[] {
  const found: string[] = []
  if (s.anyOf) (s.anyOf as Schema[]).forEach((x) => found.push(...unbounded(x, path)))
  if (s.type === 'string' && s.maxLength === undefined && s.pattern === undefined && s.const === undefined) found.push(path)
  if (s.type === 'array') {
    if (isClosedTuple(s)) (s.items as Schema[]).forEach((x, i) => found.push(...unbounded(x, `${path}/${i}`)))
    else {
      if (s.maxItems === undefined) found.push(path)
      found.push(...unbounded(s.items as Schema, `${path}/*`))
    }
  }
  for (const [key, value] of Object.entries(s.properties ?? {})) found.push(...unbounded(value as Schema, `${path}.${key}`))
  return found
}

/**
 * Reviewed exceptions: these come from the HTTP API's schemas (protocol/api.ts, protocol/chat.ts),
 * which the server sends and the renderer caches as they are. A new entry here needs a reason.
 */
const knownUnbounded = new Set([
  'cache:putMembers/1',
  'cache:putMembers/1/*.email',
  'cache:putMembers/1/*.deskId',
  'cache:putMembers/1/*.companyId',
  'cache:putMembers/1/*.photoUrl',
  'cache:putMessages/1/*.attachments',
  'cache:putMessages/1/*.mentions',
])

/** A handler table whose every handler records that it ran. */
function spyHandlers() {
  const spies = Object.fromEntries(channels.map((c) => [c, vi.fn(async () => null)]))
  return { spies, handlers: spies as unknown as IpcHandlers }
}

describe('the IPC contract', () => {
  it.each(channels)('%s: arguments are a closed tuple and the result has a schema', (channel) => {
    const { args, result } = invokeChannels[channel] as unknown as { args: Schema; result: Schema }
    expect(isClosedTuple(args)).toBe(true)
    expect(result).toBeTypeOf('object')
  })

  it.each(events)('host event %s: its payload is a closed tuple', (event) => {
    expect(isClosedTuple(hostEvents[event as keyof typeof hostEvents] as unknown as Schema)).toBe(true)
  })

  it('bounds every string and list a renderer can send, apart from the reviewed API schemas', () => {
    const found = channels.flatMap((c) => unbounded(invokeChannels[c].args as unknown as Schema, c))
    expect(found.filter((p) => !knownUnbounded.has(p))).toEqual([])
    // And the list holds nothing stale: bounding one of these upstream removes it here.
    expect([...knownUnbounded].filter((p) => !found.includes(p))).toEqual([])
  })

  it('names channels and events `area:verb`, and never one name for both', () => {
    for (const name of [...channels, ...events]) expect(name).toMatch(/^[a-z]+:[a-zA-Z-]+$/)
    expect(channels.filter((c) => events.includes(c))).toEqual([])
  })
})

describe('every channel checks before acting', () => {
  it.each(channels)('%s: a call from another origin never reaches the handler', async (channel) => {
    const { spies, handlers } = spyHandlers()
    for (const sender of ['https://evil.example/', 'app://bundle.evil/', 'file:///index.html', null]) {
      expect(await invokeOnWire(handlers, channel, [], sender, packagedTrust)).toMatchObject({ ok: false, code: 'forbidden' })
    }
    expect(spies[channel]).not.toHaveBeenCalled()
  })

  it.each(channels)('%s: arguments off the contract never reach the handler', async (channel) => {
    const { spies, handlers } = spyHandlers()
    const arity = (invokeChannels[channel].args as unknown as { items: unknown[] }).items.length
    // One argument too many, and (where there are arguments) one too few or all of the wrong kind.
    const wrong: unknown[][] = [[...Array(arity).fill(null), 'extra']]
    if (arity > 0) wrong.push(Array(arity - 1).fill('x'), Array(arity).fill(Symbol.for('not json')))
    for (const args of wrong) {
      expect(Value.Check(invokeChannels[channel].args, args)).toBe(false)
      expect(await invokeOnWire(handlers, channel, args, APP_ENTRY_URL, packagedTrust)).toMatchObject({ ok: false, code: 'bad_args' })
    }
    expect(spies[channel]).not.toHaveBeenCalled()
  })
})
