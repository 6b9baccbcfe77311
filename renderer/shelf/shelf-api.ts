/**
 * The shelf routes over HTTP (protocol/shelf.ts). Answers are schema-checked before use: a server of
 * another version costs an error, never a wrong item. Files go up as raw bytes and come down as a Blob.
 */
import {
  FollowingSchema, ShelfCommentSchema, ShelfCountsSchema, ShelfItemSchema, ShelfItemThreadSchema, ShelfSchema, ShelfSearchSchema,
  type Shelf, type ShelfComment, type ShelfItem, type ShelfItemThread, type ShelfSearch,
} from '../../protocol/shelf.ts'
import { usePartApi } from '../app/usePartApi.ts'
import { partHttp } from '../services/part-http.ts'

export interface ShelfApi {
  counts(): Promise<Record<string, number>>
  search(q: string): Promise<ShelfSearch['results']>
  shelf(place: string): Promise<Shelf>
  addNote(place: string, title: string, body: string): Promise<ShelfItem>
  upload(place: string, file: Blob, name: string): Promise<ShelfItem>
  item(place: string, item: string): Promise<ShelfItemThread>
  editItem(place: string, item: string, changes: { title?: string; body?: string }): Promise<ShelfItem>
  removeItem(place: string, item: string): Promise<void>
  download(place: string, item: string): Promise<Blob>
  comment(place: string, item: string, body: string): Promise<ShelfComment>
  editComment(place: string, item: string, comment: string, body: string): Promise<ShelfComment>
  removeComment(place: string, item: string, comment: string): Promise<void>
  follow(place: string, on: boolean): Promise<boolean>
}

export function createShelfApi(serverUrl: string, workspaceId: string, token: () => string | null): ShelfApi {
  const base = `${serverUrl}/api/workspaces/${encodeURIComponent(workspaceId)}/shelves`
  const { send, json: go } = partHttp(base, token)
  const p = (place: string, item?: string) => `/${encodeURIComponent(place)}${item ? `/items/${encodeURIComponent(item)}` : ''}`
  return {
    counts: async () => Object.fromEntries((await go<{ shelves: { placeId: string; items: number }[] }>('GET', '', ShelfCountsSchema)).shelves.map((s) => [s.placeId, s.items])),
    search: async (q) => (await go<ShelfSearch>('GET', `/search?${new URLSearchParams({ q })}`, ShelfSearchSchema)).results,
    shelf: (place) => go('GET', p(place), ShelfSchema),
    addNote: (place, title, body) => go('POST', `${p(place)}/notes`, ShelfItemSchema, { title, body }),
    upload: (place, file, name) => go('POST', `${p(place)}/files?${new URLSearchParams({ name })}`, ShelfItemSchema, undefined, file),
    item: (place, item) => go('GET', p(place, item), ShelfItemThreadSchema),
    editItem: (place, item, changes) => go('PATCH', p(place, item), ShelfItemSchema, changes),
    removeItem: (place, item) => go('DELETE', p(place, item), null),
    download: async (place, item) => (await send('GET', `${p(place, item)}/file`)).blob(),
    comment: (place, item, body) => go('POST', `${p(place, item)}/comments`, ShelfCommentSchema, { body }),
    editComment: (place, item, comment, body) => go('PATCH', `${p(place, item)}/comments/${encodeURIComponent(comment)}`, ShelfCommentSchema, { body }),
    removeComment: (place, item, comment) => go('DELETE', `${p(place, item)}/comments/${encodeURIComponent(comment)}`, null),
    follow: async (place, on) => (await go<{ following: boolean }>(on ? 'PUT' : 'DELETE', `${p(place)}/follow`, FollowingSchema)).following,
  }
}

/** The shelf client of the signed-in workspace, once the platform has said where the server is. */
export const useShelfApi = (): ShelfApi | null => usePartApi(createShelfApi, { guests: true })
