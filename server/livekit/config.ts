/** Where the LiveKit SFU is and the key pair the server signs tokens and verifies webhooks with. */
export interface LivekitConfig {
  /** WebSocket URL clients connect to, e.g. `ws://127.0.0.1:7880`. */
  url: string
  apiKey: string
  apiSecret: string
}

/** The HTTP(S) base of the RoomService API for a ws(s) URL. */
export const livekitHttpUrl = (url: string): string => url.replace(/^ws(s?):\/\//, 'http$1://')
