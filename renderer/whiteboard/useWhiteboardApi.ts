/** The whiteboard HTTP client of the signed-in workspace (guests draw in their invite's rooms too). */
import { usePartApi } from '../app/usePartApi.ts'
import { createWhiteboardApi, type WhiteboardApi } from './whiteboard-api.ts'

export const useWhiteboardApi = (): WhiteboardApi | null => usePartApi(createWhiteboardApi, { guests: true })
