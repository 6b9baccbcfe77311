/** Picks the Platform: the one place that looks at `window.office` (exposed by Electron's preload). */
import type { OfficeBridge } from '../../protocol/ipc.ts'
import { createElectronPlatform } from './electron.ts'
import type { Platform } from './platform.ts'
import { createWebPlatform } from './web.ts'

export function detectPlatform(): Platform {
  const bridge = (window as Window & { office?: OfficeBridge }).office
  return bridge ? createElectronPlatform(bridge) : createWebPlatform()
}
