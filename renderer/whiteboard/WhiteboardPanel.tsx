/**
 * Issue 14: the room's whiteboard, over the office ("Whiteboard of <room>"), drawn with Excalidraw
 * and shared live with the people in the room (board-session.ts). It opens with the board as the
 * server saved it, exports PNG and SVG, and lists the saved versions, any of which can be brought
 * back (as a new change, so everyone gets it and undo still works).
 */
import { CaptureUpdateAction, Excalidraw, exportToBlob, exportToSvg } from '@excalidraw/excalidraw'
import '@excalidraw/excalidraw/index.css'
import type { ExcalidrawImperativeAPI } from '@excalidraw/excalidraw/types'
import { useEffect, useRef, useState } from 'react'
import { createPortal } from 'react-dom'
import type { Element } from '../../protocol/whiteboard.ts'
import { useMedia } from '../app/context.tsx'
import { useTheme } from '../app/theme-context.tsx'
import { startBoardSession, type BoardSession, type Surface } from './board-session.ts'
import { Versions } from './Versions.tsx'
import type { WhiteboardApi } from './whiteboard-api.ts'
import './whiteboard.css'

// Excalidraw's fonts come with the app (electron.vite.config.ts), never from a CDN.
;(window as unknown as { EXCALIDRAW_ASSET_PATH: string }).EXCALIDRAW_ASSET_PATH = new URL('./excalidraw/', document.baseURI).href

type Scene = Parameters<ExcalidrawImperativeAPI['updateScene']>[0]['elements']
const asScene = (elements: readonly Element[]) => elements as unknown as Scene
const drawnOnly = (elements: readonly Element[]) => asScene(elements.filter((e) => !e.isDeleted)) as never

function download(blob: Blob, name: string) {
  const a = document.createElement('a')
  a.href = URL.createObjectURL(blob)
  a.download = name
  a.click()
  setTimeout(() => URL.revokeObjectURL(a.href), 10_000)
}

export function WhiteboardPanel({ api, roomId, roomName, onClose }: { api: WhiteboardApi; roomId: string; roomName: string; onClose(): void }) {
  const live = useMedia((s) => s.room)
  // The app's theme as resolved (tokens.css reads the same attribute); `choice` re-renders on a change.
  useTheme()
  const dark = document.documentElement.dataset.theme === 'dark'
  const [initial, setInitial] = useState<Element[] | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [count, setCount] = useState(0)
  const [surfaceApi, setSurfaceApi] = useState<ExcalidrawImperativeAPI | null>(null)
  const session = useRef<BoardSession | null>(null)
  const close = useRef<HTMLButtonElement>(null)

  useEffect(() => {
    let on = true
    api.board(roomId).then((b) => on && setInitial(b.elements), (err: Error) => on && setError(`Could not open the whiteboard: ${err.message}`))
    return () => {
      on = false
    }
  }, [api, roomId])

  useEffect(() => {
    if (!surfaceApi) return
    const surface: Surface = {
      elements: () => surfaceApi.getSceneElementsIncludingDeleted() as unknown as readonly Element[],
      show: (elements, remote) => surfaceApi.updateScene({ elements: asScene(elements), captureUpdate: remote ? CaptureUpdateAction.NEVER : CaptureUpdateAction.IMMEDIATELY }),
      thumbnail: (elements) => exportToBlob({ elements: drawnOnly(elements), files: null, maxWidthOrHeight: 320, mimeType: 'image/png', appState: { exportBackground: true, viewBackgroundColor: '#ffffff' } }),
    }
    const s = startBoardSession({ api, roomId, room: live, surface, onCount: setCount, onError: setError })
    session.current = s
    return () => {
      session.current = null
      void s.close()
    }
  }, [surfaceApi, api, roomId, live])

  useEffect(() => close.current?.focus(), [])

  const exportPng = async () => {
    if (!surfaceApi) return
    const elements = surfaceApi.getSceneElements() as unknown as Element[]
    download(await exportToBlob({ elements: drawnOnly(elements), files: surfaceApi.getFiles(), mimeType: 'image/png', appState: { exportBackground: true, viewBackgroundColor: '#ffffff' } }), `${roomName} whiteboard.png`)
  }
  const exportSvg = async () => {
    if (!surfaceApi) return
    const svg = await exportToSvg({ elements: drawnOnly(surfaceApi.getSceneElements() as unknown as Element[]), files: surfaceApi.getFiles(), appState: { exportBackground: true, viewBackgroundColor: '#ffffff' } })
    download(new Blob([new XMLSerializer().serializeToString(svg)], { type: 'image/svg+xml' }), `${roomName} whiteboard.svg`)
  }

  return createPortal(
    <section className="whiteboard" role="dialog" aria-modal="false" aria-label={`Whiteboard of ${roomName}`} onKeyDown={(e) => e.key === 'Escape' && e.target === e.currentTarget && onClose()}>
      <header className="whiteboard-bar">
        <h2>Whiteboard of {roomName}</h2>
        <p className="whiteboard-count" aria-live="polite">
          {count} {count === 1 ? 'shape' : 'shapes'}
        </p>
        <button type="button" disabled={!surfaceApi} onClick={() => void exportPng()}>
          Export PNG
        </button>
        <button type="button" disabled={!surfaceApi} onClick={() => void exportSvg()}>
          Export SVG
        </button>
        <Versions api={api} roomId={roomId} onRestore={(elements) => surfaceApi && session.current && restore(surfaceApi, elements)} />
        <button ref={close} type="button" onClick={onClose}>
          Close whiteboard
        </button>
      </header>
      {error && <p role="alert">{error}</p>}
      <div className="whiteboard-surface">
        {initial && (
          <Excalidraw
            excalidrawAPI={setSurfaceApi}
            initialData={{ elements: initial as never, scrollToContent: true }}
            theme={dark ? 'dark' : 'light'}
            onChange={(elements) => session.current?.changed(elements as unknown as readonly Element[])}
            UIOptions={{ canvasActions: { loadScene: false, saveToActiveFile: false, export: false, saveAsImage: false } }}
          />
        )}
      </div>
    </section>,
    document.body,
  )
}

/**
 * Brings back a saved version as a new change: each of its elements one version above what is
 * shown, and whatever it did not have deleted, so that every copy (and the server) takes it.
 */
function restore(surfaceApi: ExcalidrawImperativeAPI, old: readonly Element[]) {
  const now = surfaceApi.getSceneElementsIncludingDeleted() as unknown as readonly Element[]
  const current = new Map(now.map((e) => [e.id, e]))
  const kept = new Set(old.map((e) => e.id))
  const bump = (e: Element, changes: Partial<Element> = {}): Element => ({ ...e, ...changes, version: Math.max(e.version, current.get(e.id)?.version ?? 0) + 1, versionNonce: Math.floor(Math.random() * 2 ** 31) })
  const elements = [...old.map((e) => bump(e)), ...now.filter((e) => !kept.has(e.id) && !e.isDeleted).map((e) => bump(e, { isDeleted: true }))]
  surfaceApi.updateScene({ elements: asScene([...now.filter((e) => !elements.some((x) => x.id === e.id)), ...elements]), captureUpdate: CaptureUpdateAction.IMMEDIATELY })
}
