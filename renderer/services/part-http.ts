/**
 * HTTP for the parts that load on demand (companies, the board, shelves, whiteboards, events…):
 * one request with the session's token, JSON or raw bytes out, the answer checked against its
 * schema before use. A server of another version costs an error, never a wrong record. Failures
 * are the API's: OfflineError when the server cannot be reached, ApiError with the server's
 * message (and field) for a refusal.
 */
import type { TSchema } from 'typebox'
import { Value } from 'typebox/value'
import type { ErrorBody } from '../../protocol/errors.ts'
import { ApiError, OfflineError } from './api.ts'

const REQUEST_TIMEOUT_MS = 10_000
/** A 25 MB file on a slow line takes a while. */
const UPLOAD_TIMEOUT_MS = 300_000

export interface PartHttp {
  /** The answer of a successful request; `raw` bytes go as they are, `body` as JSON. */
  send(method: string, path: string, body?: unknown, raw?: Blob): Promise<Response>
  /** `send`, then its JSON checked against `schema` (null: no answer is read). */
  json<T>(method: string, path: string, schema: TSchema | null, body?: unknown, raw?: Blob): Promise<T>
}

export function partHttp(base: string, token: () => string | null): PartHttp {
  const send = async (method: string, path: string, body?: unknown, raw?: Blob) => {
    const headers: Record<string, string> = {}
    const t = token()
    if (t) headers.authorization = `Bearer ${t}`
    if (raw) headers['content-type'] = 'application/octet-stream'
    else if (body !== undefined) headers['content-type'] = 'application/json'
    let response: Response
    try {
      response = await fetch(base + path, {
        method, headers, ...(raw ? { body: raw } : body !== undefined ? { body: JSON.stringify(body) } : {}),
        signal: AbortSignal.timeout(raw ? UPLOAD_TIMEOUT_MS : REQUEST_TIMEOUT_MS),
      })
    } catch (err) {
      throw new OfflineError(`cannot reach the server (${(err as Error).message})`)
    }
    if (!response.ok) {
      const parsed = (await response.json().catch(() => null)) as Partial<ErrorBody> | null
      throw new ApiError(response.status, typeof parsed?.message === 'string' ? (parsed as ErrorBody) : { error: 'unknown', message: `HTTP ${response.status}` })
    }
    return response
  }
  return {
    send,
    async json<T>(method: string, path: string, schema: TSchema | null, body?: unknown, raw?: Blob): Promise<T> {
      const response = await send(method, path, body, raw)
      if (!schema) return undefined as T
      const parsed: unknown = await response.json().catch(() => null)
      if (!Value.Check(schema, parsed)) throw new ApiError(502, { error: 'bad-answer', message: 'the server answered with something unexpected' })
      return parsed as T
    },
  }
}
