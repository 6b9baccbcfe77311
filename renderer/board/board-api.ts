/**
 * The board routes over HTTP (protocol/board.ts), for the board UI only. Answers are
 * schema-checked before use: a server of another version costs an error, never a wrong line.
 */
import { BoardEntrySchema, BoardHistorySchema, BoardSchema, type BoardChange, type BoardEntry, type BoardTask } from '../../protocol/board.ts'
import { partHttp } from '../services/part-http.ts'

export interface BoardApi {
  board(): Promise<BoardEntry[]>
  setLine(text: string, link: string | null): Promise<BoardEntry>
  setTasks(tasks: BoardTask[]): Promise<BoardEntry>
  history(memberId: string): Promise<BoardChange[]>
}

export function createBoardApi(serverUrl: string, workspaceId: string, token: () => string | null): BoardApi {
  const base = `${serverUrl}/api/workspaces/${encodeURIComponent(workspaceId)}/board`
  const { json: call } = partHttp(base, token)
  return {
    board: async () => (await call<{ entries: BoardEntry[] }>('GET', '', BoardSchema)).entries,
    setLine: (text, link) => call('PUT', '/line', BoardEntrySchema, { text, link }),
    setTasks: (tasks) => call('PUT', '/tasks', BoardEntrySchema, { tasks }),
    history: async (memberId) => (await call<{ changes: BoardChange[] }>('GET', `/history/${encodeURIComponent(memberId)}`, BoardHistorySchema)).changes,
  }
}
