/** The board (issue 14) through the public API, as a member's client calls it. */
import type { SignedIn } from '../../protocol/api.ts'
import type { BoardEntry, BoardHistory, BoardTask } from '../../protocol/board.ts'
import type { HttpClient, HttpResult } from './http.ts'

export function boardApi(http: HttpClient) {
  const path = (who: SignedIn, rest = '') => `/api/workspaces/${who.workspace.id}/board${rest}`
  const call = <T = Record<string, unknown>>(who: SignedIn, method: string, rest = '', body?: unknown): Promise<HttpResult<T>> =>
    http.call<T>(method, path(who, rest), { token: who.session.token, ...(body !== undefined ? { body } : {}) })
  return {
    call,
    board: (who: SignedIn) => call<{ entries: BoardEntry[] }>(who, 'GET'),
    setLine: (who: SignedIn, text: string, link: string | null = null) => call<BoardEntry>(who, 'PUT', '/line', { text, link }),
    setTasks: (who: SignedIn, tasks: BoardTask[]) => call<BoardEntry>(who, 'PUT', '/tasks', { tasks }),
    history: (who: SignedIn, memberId: string) => call<BoardHistory>(who, 'GET', `/history/${memberId}`),
  }
}
