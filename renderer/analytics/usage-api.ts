/** GET …/analytics, checked against its schema before use (a proxy may answer anything). */
import { Value } from 'typebox/value'
import { UsageSchema, type Usage, type UsageQuery } from '../../protocol/analytics.ts'

export async function fetchUsage(serverUrl: string, workspaceId: string, token: string | null, q: Required<UsageQuery>): Promise<Usage> {
  const url = `${serverUrl}/api/workspaces/${encodeURIComponent(workspaceId)}/analytics?days=${q.days}&bucket=${q.bucket}`
  let response: Response
  try {
    response = await fetch(url, { headers: token ? { authorization: `Bearer ${token}` } : {}, signal: AbortSignal.timeout(10_000) })
  } catch (err) {
    throw new Error(`cannot reach the server (${(err as Error).message})`, { cause: err })
  }
  const body: unknown = await response.json().catch(() => null)
  if (!response.ok) {
    const message = (body as { message?: unknown } | null)?.message
    throw new Error(typeof message === 'string' ? message.slice(0, 300) : `the server answered ${response.status}`)
  }
  if (!Value.Check(UsageSchema, body)) throw new Error('the server sent usage figures in a shape this app does not know')
  return body
}
