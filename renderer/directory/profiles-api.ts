/**
 * The profile and directory routes over HTTP (protocol/profiles.ts), for the Directory only.
 * Answers are schema-checked before use; a failure is an Error with the server's message.
 */
import type { TSchema } from 'typebox'
import { Value } from 'typebox/value'
import type { ErrorBody } from '../../protocol/errors.ts'
import {
  CompanyPageSchema, DirectorySchema, PhotoSchema, ProfileSchema, type CompanyPage, type Directory, type DirectoryQuery, type Profile, type ProfileChanges,
} from '../../protocol/profiles.ts'

const REQUEST_TIMEOUT_MS = 10_000
const UPLOAD_TIMEOUT_MS = 60_000

export class ProfilesError extends Error {
  readonly status: number
  readonly field: string | null
  constructor(status: number, message: string, field: string | null = null) {
    super(message)
    this.status = status
    this.field = field
  }
}

export interface ProfilesApi {
  directory(query: DirectoryQuery): Promise<Directory>
  profile(memberId: string): Promise<Profile>
  company(companyId: string): Promise<CompanyPage>
  save(changes: ProfileChanges): Promise<Profile>
  uploadPhoto(bytes: Blob): Promise<string | null>
  removePhoto(): Promise<void>
}

/** Not typebox's Compile: it builds code with new Function, which the CSP forbids. */
function checked<T>(schema: TSchema, value: unknown, what: string): T {
  if (!Value.Check(schema, value)) throw new ProfilesError(502, `the server's ${what} was not understood`)
  return value as T
}

export function createProfilesApi(serverUrl: string, workspaceId: string, getToken: () => string | null): ProfilesApi {
  const base = `${serverUrl}/api/workspaces/${encodeURIComponent(workspaceId)}`
  async function send(method: string, path: string, body?: unknown, raw?: Blob): Promise<unknown> {
    const headers: Record<string, string> = {}
    const token = getToken()
    if (token) headers.authorization = `Bearer ${token}`
    if (body !== undefined) headers['content-type'] = 'application/json'
    if (raw) headers['content-type'] = 'application/octet-stream'
    let response: Response
    try {
      response = await fetch(base + path, {
        method, headers,
        ...(raw ? { body: raw } : body !== undefined ? { body: JSON.stringify(body) } : {}),
        signal: AbortSignal.timeout(raw ? UPLOAD_TIMEOUT_MS : REQUEST_TIMEOUT_MS),
      })
    } catch (err) {
      throw new ProfilesError(0, `cannot reach the server (${(err as Error).message})`)
    }
    const parsed = (await response.json().catch(() => null)) as unknown
    if (response.ok) return parsed
    const error = parsed as Partial<ErrorBody> | null
    const message = typeof error?.message === 'string' ? error.message.slice(0, 300) : `HTTP ${response.status}`
    throw new ProfilesError(response.status, message, typeof error?.field === 'string' ? error.field : null)
  }
  const query = (q: DirectoryQuery) => {
    const params = new URLSearchParams()
    for (const [k, v] of Object.entries(q)) if (v) params.set(k, v)
    return params.size ? `?${params}` : ''
  }
  return {
    directory: async (q) => checked<Directory>(DirectorySchema, await send('GET', `/profiles${query(q)}`), 'directory'),
    profile: async (id) => checked<Profile>(ProfileSchema, await send('GET', `/profiles/${encodeURIComponent(id)}`), 'profile'),
    company: async (id) => checked<CompanyPage>(CompanyPageSchema, await send('GET', `/profiles/companies/${encodeURIComponent(id)}`), 'company page'),
    save: async (changes) => checked<Profile>(ProfileSchema, await send('PATCH', '/profile', changes), 'profile'),
    uploadPhoto: async (bytes) => checked<{ photoUrl: string | null }>(PhotoSchema, await send('PUT', '/profile/photo', undefined, bytes), 'photo').photoUrl,
    removePhoto: async () => void (await send('DELETE', '/profile/photo')),
  }
}
