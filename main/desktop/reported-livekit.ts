/**
 * The LiveKit URL the workspace server reports (GET /api/client-config) for the app's CSP, so
 * that a self-hosted office whose LiveKit is not the launch default (wss://lk.example.com) works
 * without a --livekit flag. Main asks after each start and keeps the answer in the cache; the
 * CSP allows the launch LiveKit and the reported one. When the page was loaded without the
 * reported one (the first start against that server, or LiveKit moved), `learn` says so and the
 * window reloads once with it. An answer that is not a ws(s)/http(s) URL is refused with the
 * reason and changes nothing.
 */
import { Value } from 'typebox/value'
import { ClientConfigSchema } from '../../protocol/api.ts'
import { cspOrigins, LIVEKIT_SCHEMES } from '../../protocol/csp.ts'
import type { LaunchConfig } from '../launch-config.ts'
import type { CspOrigins } from '../policy/csp.ts'

export const REPORTED_LIVEKIT_KEY = 'main:reported-livekit'
/** How long main waits for the server's answer; the app works on without it. */
export const ASK_TIMEOUT_MS = 5_000

/** Where the answer is kept (the cache's kv table: it outlives sign-out, like window bounds). */
export interface SettingStore {
  get(key: string): string | null
  set(key: string, value: string | null): void
}

export type Learned = { kind: 'same' } | { kind: 'changed'; livekitUrl: string } | { kind: 'refused'; reason: string }

/** The CSP's origins now: the launch server, the launch LiveKit and the reported one. */
export function cspOriginsNow(launch: Pick<LaunchConfig, 'serverUrl' | 'livekitUrl'>, settings: SettingStore): CspOrigins {
  const reported = settings.get(REPORTED_LIVEKIT_KEY)
  return { serverUrl: launch.serverUrl, livekitUrls: reported && reported !== launch.livekitUrl ? [launch.livekitUrl, reported] : [launch.livekitUrl] }
}

/** Checks a server's answer: the LiveKit URL, or why it is refused. */
export function readClientConfig(body: unknown): { livekitUrl: string } | { reason: string } {
  if (!Value.Check(ClientConfigSchema, body)) return { reason: 'the server answered /api/client-config without a livekitUrl string' }
  try {
    cspOrigins(body.livekitUrl, LIVEKIT_SCHEMES, 'the LiveKit URL the server reports')
  } catch (err) {
    return { reason: (err as Error).message }
  }
  return { livekitUrl: body.livekitUrl }
}

/** Asks the server, keeps a valid answer, and says whether the CSP the page was loaded with lacks it. */
export async function learnReportedLivekit(deps: { serverUrl: string; settings: SettingStore; fetch: typeof fetch; loadedWith: CspOrigins }): Promise<Learned> {
  let body: unknown
  try {
    const res = await deps.fetch(`${deps.serverUrl}/api/client-config`, { signal: AbortSignal.timeout(ASK_TIMEOUT_MS) })
    if (!res.ok) return { kind: 'refused', reason: `the server answered /api/client-config with HTTP ${res.status}` }
    body = await res.json()
  } catch (err) {
    return { kind: 'refused', reason: `the server did not answer /api/client-config: ${(err as Error).message}` }
  }
  const read = readClientConfig(body)
  if ('reason' in read) return { kind: 'refused', reason: read.reason }
  if (deps.settings.get(REPORTED_LIVEKIT_KEY) !== read.livekitUrl) deps.settings.set(REPORTED_LIVEKIT_KEY, read.livekitUrl)
  const origin = (url: string) => cspOrigins(url, LIVEKIT_SCHEMES, 'LiveKit URL').join(' ')
  const covered = deps.loadedWith.livekitUrls.some((url) => origin(url) === origin(read.livekitUrl))
  return covered ? { kind: 'same' } : { kind: 'changed', livekitUrl: read.livekitUrl }
}

/** How long main waits before asking again a server that did not answer. */
export const RETRY_MS = 30_000

/**
 * Asks until the server answers (it may be down at start, or the machine offline): `changed`
 * runs when the page's CSP lacks the reported LiveKit, `refused` with each reason. Returns a stop.
 */
export function followReportedLivekit(deps: {
  serverUrl: string
  settings: SettingStore
  fetch: typeof fetch
  loadedWith: () => CspOrigins
  changed(livekitUrl: string): void
  refused(reason: string): void
  retryMs?: number
}): () => void {
  let timer: ReturnType<typeof setTimeout> | null = null
  let stopped = false
  const ask = async (): Promise<void> => {
    const learned = await learnReportedLivekit({ ...deps, loadedWith: deps.loadedWith() })
    if (stopped) return
    if (learned.kind === 'changed') deps.changed(learned.livekitUrl)
    if (learned.kind !== 'refused') return
    deps.refused(learned.reason)
    timer = setTimeout(() => void ask(), deps.retryMs ?? RETRY_MS)
  }
  void ask()
  return () => {
    stopped = true
    if (timer) clearTimeout(timer)
  }
}
