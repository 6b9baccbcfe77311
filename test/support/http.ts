/** A small JSON client for tests that call the real server over HTTP, as hosts' scripts would. */
export interface HttpResult<T = unknown> {
  status: number
  body: T
}

/** `baseUrl` may be a function, read at each call: a client for a server a suite starts later. */
export function httpClient(baseUrl: string | (() => string)) {
  const base = typeof baseUrl === 'string' ? () => baseUrl : baseUrl
  const call = async <T = unknown>(method: string, path: string, opts: { token?: string; body?: unknown } = {}): Promise<HttpResult<T>> => {
    const headers: Record<string, string> = {}
    if (opts.token) headers.authorization = `Bearer ${opts.token}`
    if (opts.body !== undefined) headers['content-type'] = 'application/json'
    const res = await fetch(base() + path, { method, headers, ...(opts.body !== undefined ? { body: JSON.stringify(opts.body) } : {}) })
    const text = await res.text()
    return { status: res.status, body: (text ? JSON.parse(text) : null) as T }
  }
  return {
    call,
    get: <T = unknown>(path: string, token?: string) => call<T>('GET', path, token ? { token } : {}),
    post: <T = unknown>(path: string, body?: unknown, token?: string) => call<T>('POST', path, { ...(token ? { token } : {}), ...(body !== undefined ? { body } : {}) }),
  }
}
export type HttpClient = ReturnType<typeof httpClient>
