/**
 * The screen picker's Electron side: desktopCapturer lists screens and windows with thumbnails,
 * and setDisplayMediaRequestHandler answers a getDisplayMedia from our renderer with the source
 * the member picked in the renderer's dialog (desktop/screen-sources.ts keeps that choice), or
 * refuses it. A request from any other origin is refused outright.
 */
import { desktopCapturer, type Session } from 'electron'
import type { ScreenSourceInfo } from '../../protocol/desktop-ipc.ts'
import { isRendererOrigin, type RendererTrust } from '../policy/renderer-origin.ts'
import { createScreenChoice, toScreenSources, type ScreenChoice } from '../desktop/screen-sources.ts'

const thumbnailSize = { width: 320, height: 180 }

export interface ScreenPicker {
  sources(): Promise<ScreenSourceInfo[]>
  choose(id: string | null): void
}

export function installScreenPicker(ses: Session, trust: RendererTrust, choice: ScreenChoice = createScreenChoice()): ScreenPicker {
  ses.setDisplayMediaRequestHandler(
    (request, callback) => {
      const id = isRendererOrigin(request.securityOrigin, trust) ? choice.take() : null
      if (id === null) return callback(null)
      void desktopCapturer.getSources({ types: ['screen', 'window'], thumbnailSize: { width: 0, height: 0 } }).then(
        (all) => {
          const source = all.find((s) => s.id === id)
          callback(source ? { video: source } : null)
        },
        () => callback(null),
      )
    },
    { useSystemPicker: false },
  )
  return {
    async sources() {
      const listed = toScreenSources(await desktopCapturer.getSources({ types: ['screen', 'window'], thumbnailSize, fetchWindowIcons: false }))
      choice.offered(listed)
      return listed
    },
    choose: (id) => choice.choose(id),
  }
}
