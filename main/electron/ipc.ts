/**
 * The only place that touches ipcMain: one `handle` per contract channel, each routed through
 * wire.ts for the sender check, argument check and error-to-data conversion.
 */
import { ipcMain } from 'electron'
import { invokeChannels, type InvokeChannel, type IpcHandlers } from '../../protocol/ipc.ts'
import { invokeOnWire } from '../ipc/wire.ts'
import type { RendererTrust } from '../policy/renderer-origin.ts'

export function registerIpc(handlers: IpcHandlers, trust: RendererTrust): () => void {
  const channels = Object.keys(invokeChannels) as InvokeChannel[]
  for (const channel of channels) {
    // senderFrame is null when the frame navigated away or was destroyed: wire.ts refuses that.
    ipcMain.handle(channel, (event, ...args: unknown[]) => invokeOnWire(handlers, channel, args, event.senderFrame?.url ?? null, trust))
  }
  return () => channels.forEach((channel) => ipcMain.removeHandler(channel))
}
