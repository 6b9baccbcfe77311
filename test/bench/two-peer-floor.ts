/**
 * The physical floor for entering a room: two RTCPeerConnections in one page of the same Chromium,
 * one sending the fake camera and microphone, the other receiving, signalled in memory. Nothing a
 * media server could do is faster than this on this machine; room entry is compared with it.
 */
import type { Page } from 'playwright-core'

export interface FloorTiming {
  ice: number
  dtls: number
  packet: number
  frame: number
  audio: number
}

/** One connection, timed from its start. Runs in the page: self-contained, no imports. */
async function floorOnce(): Promise<FloorTiming> {
  const w = window as unknown as { __floorStream?: Promise<MediaStream> }
  w.__floorStream ??= navigator.mediaDevices.getUserMedia({ audio: true, video: { width: 640, height: 360 } })
  const stream = await w.__floorStream
  const t0 = performance.now()
  const marks: Partial<FloorTiming> = {}
  const a = new RTCPeerConnection({ iceServers: [] })
  const b = new RTCPeerConnection({ iceServers: [] })
  a.onicecandidate = (e) => void (e.candidate && b.addIceCandidate(e.candidate))
  b.onicecandidate = (e) => void (e.candidate && a.addIceCandidate(e.candidate))
  b.oniceconnectionstatechange = () => void (b.iceConnectionState === 'connected' && (marks.ice ??= performance.now() - t0))
  b.onconnectionstatechange = () => void (b.connectionState === 'connected' && (marks.dtls ??= performance.now() - t0))
  const frame = new Promise<void>((resolve) => {
    b.ontrack = (e) => {
      const first = (key: 'packet' | 'audio') => () => void (marks[key] ??= performance.now() - t0)
      if (e.track.kind === 'audio') {
        if (e.track.muted) e.track.addEventListener('unmute', first('audio'), { once: true })
        else first('audio')()
        return
      }
      if (e.track.muted) e.track.addEventListener('unmute', first('packet'), { once: true })
      else first('packet')()
      const v = Object.assign(document.createElement('video'), { muted: true, autoplay: true, playsInline: true })
      v.srcObject = new MediaStream([e.track])
      document.body.append(v)
      // On screen, as the app's entry clock reads it (entry-timing.ts).
      v.requestVideoFrameCallback((_now, meta) => {
        marks.frame = meta.expectedDisplayTime - t0
        v.remove()
        resolve()
      })
    }
  })
  for (const t of stream.getTracks()) a.addTrack(t, stream)
  await a.setLocalDescription()
  await b.setRemoteDescription(a.localDescription!)
  await b.setLocalDescription()
  await a.setRemoteDescription(b.localDescription!)
  await frame
  a.close()
  b.close()
  return marks as FloorTiming
}

/** `n` connections, one after the other, in `page` (a page of the bench's origin: a secure context). */
export async function measureFloor(page: Page, n: number): Promise<FloorTiming[]> {
  const out: FloorTiming[] = []
  for (let i = 0; i <= n; i++) {
    const t = await page.evaluate(floorOnce)
    if (i > 0) out.push(t) // the first pays for starting the fake devices
  }
  return out
}
