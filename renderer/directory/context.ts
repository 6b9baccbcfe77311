/** The Directory's HTTP client, made once the platform has said where the server is. */
import { createContext, useContext, useEffect, useState } from 'react'
import { useComposition } from '../app/context.tsx'
import { createProfilesApi, type ProfilesApi } from './profiles-api.ts'

export const ProfilesApiContext = createContext<ProfilesApi | null>(null)

export function useProfilesApi(): ProfilesApi {
  const api = useContext(ProfilesApiContext)
  if (!api) throw new Error('ProfilesApiContext is missing')
  return api
}

/** The client for the signed-in workspace, or null while the platform's config is read. */
export function useNewProfilesApi(): ProfilesApi | null {
  const { platform, stores } = useComposition()
  const workspaceId = stores.session.getState().workspace?.id ?? null
  const [api, setApi] = useState<ProfilesApi | null>(null)
  useEffect(() => {
    let live = true
    if (workspaceId) void platform.config().then((c) => live && setApi(createProfilesApi(c.serverUrl, workspaceId, () => stores.session.getState().token)))
    return () => void (live = false)
  }, [platform, stores, workspaceId])
  return api
}

/** A message for a failed call. */
export const failure = (err: unknown): string => (err instanceof Error && err.message ? err.message : 'Something went wrong; try again.')
