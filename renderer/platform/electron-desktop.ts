/**
 * The desktop-only part of the Electron Platform, loaded on demand (outside the start-up bundle):
 * the tray, notices with actions, deep links, credential protection, start at login, the global
 * mute shortcut and updates over their protocol/desktop-ipc.ts channels; and a screen share that
 * shows our own picker before capturing.
 */
import type { InvokeArgs, InvokeChannel, InvokeResult } from '../../protocol/ipc.ts'
import type { PlatformDesktop } from './platform.ts'

export type HostCall = <C extends InvokeChannel>(channel: C, ...args: InvokeArgs<C>) => Promise<InvokeResult<C>>

export function createElectronDesktop(call: HostCall): PlatformDesktop {
  return {
    setTray: async (state) => void (await call('tray:setState', state)),
    notice: (notice) => call('notify:notice', notice),
    takeDeepLink: () => call('deeplink:take'),
    credentialProtection: () => call('credentials:protection'),
    autostart: { get: () => call('autostart:get'), set: (on) => call('autostart:set', on) },
    muteShortcut: { get: () => call('shortcut:getMute'), set: (accelerator) => call('shortcut:setMute', accelerator) },
    updates: { state: () => call('update:getState'), restart: async () => void (await call('update:restart')) },
  }
}

/** Electron has no picker of its own: ask main for the sources, let the member pick, then capture that one. */
export async function shareScreen(call: HostCall, capture: (o: DisplayMediaStreamOptions) => Promise<MediaStream>, options: DisplayMediaStreamOptions): Promise<MediaStream> {
  const sources = await call('screen:sources')
  const { pickScreenSource } = await import('./screen-picker.ts')
  const id = await pickScreenSource(sources)
  if (id === null) throw new DOMException('The member cancelled the screen share', 'NotAllowedError')
  await call('screen:choose', id)
  // Main's setDisplayMediaRequestHandler answers this with the source just chosen.
  return capture(options)
}
