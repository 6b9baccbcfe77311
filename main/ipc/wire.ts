/**
 * One IPC invoke as it crosses the wire: known channel, trusted sender, arguments matching the
 * contract, then the handler, whose throw becomes `{ ok: false, code, message }` (STYLE G6).
 * Pure Node: electron/ipc.ts calls it per `ipcMain.handle`, and the e2e suite calls it from a
 * Playwright binding, so both transports apply exactly the same checks.
 */
import { Value } from 'typebox/value'
import { errorCodes, type ErrorCode } from '../../protocol/errors.ts'
import { invokeChannels, isInvokeChannel, type IpcHandlers, type WireResult } from '../../protocol/ipc.ts'
import type { RendererTrust } from '../policy/renderer-origin.ts'
import { isTrustedSender } from '../policy/sender.ts'

const knownCodes: ReadonlySet<string> = new Set(Object.values(errorCodes))

const fail = (code: ErrorCode, message: string): WireResult<never> => ({ ok: false, code, message })

/** The wire code for a thrown value: its own `code` when that is a protocol code, else internal. */
export function errorCodeOf(err: unknown): ErrorCode {
  const code = err instanceof Error && 'code' in err ? err.code : undefined
  return typeof code === 'string' && knownCodes.has(code) ? (code as ErrorCode) : errorCodes.internal
}

/** The first failing argument as `channel: args/1/rooms/0/x must be ...`. */
function describeBadArgs(channel: string, schema: (typeof invokeChannels)[keyof typeof invokeChannels]['args'], args: unknown[]): string {
  const [first] = Value.Errors(schema, args)
  const where = first?.instancePath ? `args${first.instancePath}` : 'args'
  return `${channel}: ${where} ${first?.message ?? 'do not match the contract'}`
}

export async function invokeOnWire(
  handlers: IpcHandlers,
  channel: unknown,
  args: readonly unknown[],
  senderUrl: string | null | undefined,
  trust: RendererTrust,
): Promise<WireResult<unknown>> {
  if (!isInvokeChannel(channel)) return fail(errorCodes.notFound, `unknown IPC channel ${JSON.stringify(channel)}`)
  if (!isTrustedSender(senderUrl, trust)) {
    return fail(errorCodes.forbidden, `${channel}: sender ${JSON.stringify(senderUrl ?? null)} is not the app`)
  }
  const list = [...args]
  const schema = invokeChannels[channel].args
  if (!Value.Check(schema, list)) return fail(errorCodes.badArgs, describeBadArgs(channel, schema, list))
  try {
    // Checked against the channel's own schema just above, so the cast only restates that.
    const handler = handlers[channel] as (...a: unknown[]) => Promise<unknown>
    return { ok: true, value: await handler(...list) }
  } catch (err) {
    return fail(errorCodeOf(err), `${channel}: ${err instanceof Error ? err.message : String(err)}`)
  }
}
