/**
 * Keeps the board store in step with the server for this session: read once signed in, again
 * whenever the lobby connection comes back and when the window comes back into focus (notices
 * sent meanwhile may be lost); between reads, the
 * server's board notices keep it current (notices.ts). Guests read no board: the server refuses them.
 */
import { useCallback, useEffect } from 'react'
import { useSession } from '../app/context.tsx'
import { usePartApi } from '../app/usePartApi.ts'
import { createBoardApi, type BoardApi } from './board-api.ts'
import { boardStore } from './board-store.ts'

export function useBoardLoader(): { api: BoardApi | null; reload(): Promise<void> } {
  const connected = useSession((s) => s.connection === 'online')
  const api = usePartApi(createBoardApi)

  const reload = useCallback(async () => {
    if (!api) return
    try {
      boardStore.getState().putAll(await api.board())
    } catch {
      // Offline or refused: keep what we had; notices and the next read catch up.
    }
  }, [api])

  useEffect(() => {
    if (!api) return
    void reload()
    const onFocus = () => void reload()
    window.addEventListener('focus', onFocus)
    return () => {
      window.removeEventListener('focus', onFocus)
      boardStore.getState().reset()
    }
  }, [api, reload])

  useEffect(() => {
    // Back online after a cut: what was said meanwhile is read anew (the first connect is covered above).
    if (connected && boardStore.getState().loaded) void reload()
  }, [connected, reload])

  return { api, reload }
}
