/**
 * Capture in a browser (and in Electron's renderer, which has the same web APIs): the one place
 * that calls navigator.mediaDevices for streams. Electron adds its screen picker on top.
 */
import type { PlatformMedia } from './platform.ts'

export function createWebMedia(): PlatformMedia {
  const devices = () => navigator.mediaDevices
  return {
    getUserMedia: (constraints) => devices().getUserMedia(constraints),
    getDisplayMedia: (options) => devices().getDisplayMedia(options),
    enumerateDevices: () => devices().enumerateDevices(),
    onDevicesChanged(listener) {
      const md = devices()
      md.addEventListener('devicechange', listener)
      return () => md.removeEventListener('devicechange', listener)
    },
  }
}
