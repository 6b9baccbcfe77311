/**
 * Exposes exactly one object, `window.office`, with `invoke` and `on` for the channels and events
 * of protocol/ipc.ts, and nothing else: never ipcRenderer itself, never the IPC event object.
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron'
import type { OfficeBridge } from '../protocol/ipc.ts'
// Names only: protocol/ipc.ts would bring its TypeBox schemas into this script.
import { isHostEvent, isInvokeChannel } from '../protocol/ipc-names.ts'
import { prefetchBoot } from './boot.ts'

// Sent now, while the page's scripts load: the renderer's first reads are answered from it.
const send = prefetchBoot((channel, ...args) => ipcRenderer.invoke(channel, ...args))

const bridge: OfficeBridge = {
  invoke(channel, ...args) {
    if (!isInvokeChannel(channel)) {
      // The same answer main's wire gives an unknown channel, so the renderer handles one shape.
      return Promise.resolve({ ok: false, code: 'not_found', message: `unknown IPC channel ${JSON.stringify(channel)}` })
    }
    return send(channel, ...args) as ReturnType<OfficeBridge['invoke']>
  },
  on(event, listener) {
    if (!isHostEvent(event)) throw new Error(`unknown host event ${JSON.stringify(event)}`)
    // The IpcRendererEvent carries `sender` (ipcRenderer): drop it, pass only the payload.
    const forward = (_event: IpcRendererEvent, ...args: unknown[]): void => {
      ;(listener as (...a: unknown[]) => void)(...args)
    }
    ipcRenderer.on(event, forward)
    return () => {
      ipcRenderer.removeListener(event, forward)
    }
  },
}

contextBridge.exposeInMainWorld('office', bridge)
