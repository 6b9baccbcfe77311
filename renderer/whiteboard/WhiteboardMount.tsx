/**
 * The call's whiteboard, while it is open for the room of the call: Excalidraw (a large chunk)
 * loads only then. Leaving the room closes it (the call unmounts), saving what was drawn.
 */
import { Suspense } from 'react'
import { whiteboardOpen } from './open-store.ts'
import { useWhiteboardApi } from './useWhiteboardApi.ts'
import { lazyPart } from '../ui/lazy-part.ts'

const WhiteboardPanel = lazyPart(() => import('./WhiteboardPanel.tsx').then((m) => ({ default: m.WhiteboardPanel })))

export function WhiteboardMount({ roomId, roomName }: { roomId: string; roomName: string }) {
  const open = whiteboardOpen((s) => s.roomId === roomId)
  const api = useWhiteboardApi()
  if (!open || !api) return null
  return (
    <Suspense fallback={<p role="status">Opening the whiteboard…</p>}>
      <WhiteboardPanel api={api} roomId={roomId} roomName={roomName} onClose={() => whiteboardOpen.getState().open(null)} />
    </Suspense>
  )
}
