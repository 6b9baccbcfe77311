/** The community HTTP client of the signed-in workspace (guests read the events they attend), and times for the forms. */
import { usePartApi } from '../app/usePartApi.ts'
import { createCommunityApi, type CommunityApi } from './community-api.ts'

export const useCommunityApi = (): CommunityApi | null => usePartApi(createCommunityApi, { guests: true })

/** Local date-time text for an <input type="datetime-local">, and back. */
export const toLocalInput = (ms: number) => {
  const d = new Date(ms - new Date(ms).getTimezoneOffset() * 60_000)
  return d.toISOString().slice(0, 16)
}
export const fromLocalInput = (text: string) => new Date(text).getTime()

export const timeOf = (ms: number) => new Date(ms).toLocaleString([], { weekday: 'short', hour: '2-digit', minute: '2-digit' })
