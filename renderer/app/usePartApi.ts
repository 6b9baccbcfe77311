/**
 * A part's HTTP client for the signed-in workspace (companies, the board, shelves, whiteboards,
 * events…), once the platform has said where the server is: null until then, and for guests
 * unless the part serves them. `create` is a module-level function, so the client is made once
 * per server, workspace and role.
 */
import { useEffect, useMemo, useState } from 'react'
import { useComposition, useSession } from './context.tsx'

export type PartApiFactory<T> = (serverUrl: string, workspaceId: string, token: () => string | null) => T

/** The server's URL as the platform says (null until it has). */
export function useServerUrl(): string | null {
  const { platform } = useComposition()
  const [url, setUrl] = useState<string | null>(null)
  useEffect(() => {
    let live = true
    void platform.config().then((c) => live && setUrl(c.serverUrl))
    return () => {
      live = false
    }
  }, [platform])
  return url
}

export function usePartApi<T>(create: PartApiFactory<T>, opts: { guests?: boolean } = {}): T | null {
  const { stores } = useComposition()
  const url = useServerUrl()
  const ws = useSession((s) => s.workspace?.id ?? null)
  const refused = useSession((s) => s.me?.role === 'guest') && !opts.guests
  return useMemo(() => (url !== null && ws && !refused ? create(url, ws, () => stores.session.getState().token) : null), [url, ws, refused, stores, create])
}
