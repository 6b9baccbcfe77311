/**
 * A room's whiteboard over HTTP (protocol/whiteboard.ts): the saved board, saving into it (the
 * server merges), its versions, and its thumbnail. Answers are schema-checked before use.
 */
import { BoardSchema, BoardVersionsSchema, type Board, type Element } from '../../protocol/whiteboard.ts'
import type { Static } from 'typebox'
import { ApiError } from '../services/api.ts'
import { partHttp } from '../services/part-http.ts'

export type BoardVersion = Static<typeof BoardVersionsSchema>['versions'][number]

export interface WhiteboardApi {
  board(roomId: string): Promise<Board>
  save(roomId: string, elements: readonly Element[]): Promise<Board>
  versions(roomId: string): Promise<BoardVersion[]>
  version(roomId: string, version: number): Promise<Board>
  putThumbnail(roomId: string, png: Blob): Promise<void>
  /** The thumbnail as an object URL (the caller revokes it), or null when the board has none. */
  thumbnail(roomId: string): Promise<string | null>
}

export function createWhiteboardApi(serverUrl: string, workspaceId: string, token: () => string | null): WhiteboardApi {
  const base = `${serverUrl}/api/workspaces/${encodeURIComponent(workspaceId)}/whiteboards`
  const of = (roomId: string) => `/${encodeURIComponent(roomId)}`
  const { send, json } = partHttp(base, token)
  return {
    board: (roomId) => json('GET', of(roomId), BoardSchema),
    save: (roomId, elements) => json('PUT', of(roomId), BoardSchema, { elements }),
    versions: async (roomId) => (await json<{ versions: BoardVersion[] }>('GET', `${of(roomId)}/versions`, BoardVersionsSchema)).versions,
    version: (roomId, version) => json('GET', `${of(roomId)}/versions/${version}`, BoardSchema),
    putThumbnail: async (roomId, png) => void (await send('PUT', `${of(roomId)}/thumbnail`, undefined, png)),
    async thumbnail(roomId) {
      try {
        const res = await send('GET', `${of(roomId)}/thumbnail`)
        if (res.headers.get('content-type') !== 'image/png') throw new ApiError(502, { error: 'bad-answer', message: 'the thumbnail is not a PNG' })
        return URL.createObjectURL(await res.blob())
      } catch (err) {
        if (err instanceof ApiError && err.status === 404) return null
        throw err
      }
    },
  }
}
