/** The community HTTP client of the signed-in workspace, once the platform has said where the server is. */
import { useEffect, useMemo, useState } from 'react'
import { useComposition, useSession } from '../app/context.tsx'
import { createCommunityApi, type CommunityApi } from './community-api.ts'

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

export function useCommunityApi(): CommunityApi | null {
  const { stores } = useComposition()
  const url = useServerUrl()
  const ws = useSession((s) => s.workspace?.id ?? null)
  return useMemo(() => (url !== null && ws ? createCommunityApi(url, ws, () => stores.session.getState().token) : null), [url, ws, stores])
}

/** Local date-time text for an <input type="datetime-local">, and back. */
export const toLocalInput = (ms: number) => {
  const d = new Date(ms - new Date(ms).getTimezoneOffset() * 60_000)
  return d.toISOString().slice(0, 16)
}
export const fromLocalInput = (text: string) => new Date(text).getTime()

export const timeOf = (ms: number) => new Date(ms).toLocaleString([], { weekday: 'short', hour: '2-digit', minute: '2-digit' })
