/**
 * The microphone's live level, from the member's own microphone track through Web Audio. It reads
 * a clone of the track, so it shows the microphone working even while muted; the clone follows a
 * device switch (the track's MediaStreamTrack changes under the same LocalAudioTrack).
 */
import { useEffect, useState } from 'react'
import { useMedia } from '../../app/context.tsx'

/** Peak hold: the level falls by this factor per frame, so a short sound stays visible. */
const DECAY = 0.9
/** Updates the meter only when it moves by at least one step of this size (no render per frame). */
const STEP = 0.05

export function LevelMeter() {
  const track = useMedia((s) => s.localAudio)
  const [level, setLevel] = useState(0)

  useEffect(() => {
    if (!track) return setLevel(0)
    const ctx = new AudioContext()
    const analyser = ctx.createAnalyser()
    analyser.fftSize = 2048
    const data = new Float32Array(analyser.fftSize)
    let source: { mst: MediaStreamTrack; clone: MediaStreamTrack; node: MediaStreamAudioSourceNode } | null = null
    let peak = 0
    let shown = 0
    let frame = 0
    const follow = () => {
      const mst = track.mediaStreamTrack
      if (source?.mst === mst) return
      source?.node.disconnect()
      source?.clone.stop()
      const clone = mst.clone()
      clone.enabled = true
      const node = ctx.createMediaStreamSource(new MediaStream([clone]))
      node.connect(analyser)
      source = { mst, clone, node }
    }
    const tick = () => {
      follow()
      analyser.getFloatTimeDomainData(data)
      let max = 0
      for (const v of data) max = Math.max(max, Math.abs(v))
      peak = Math.max(Math.min(1, max), peak * DECAY)
      const step = Math.round(peak / STEP) * STEP
      if (step !== shown) setLevel((shown = step))
      frame = requestAnimationFrame(tick)
    }
    void ctx.resume().catch(() => undefined)
    tick()
    return () => {
      cancelAnimationFrame(frame)
      source?.node.disconnect()
      source?.clone.stop()
      void ctx.close()
    }
  }, [track])

  return <meter className="level-meter" aria-label="Microphone level" min={0} max={1} low={0.1} high={0.9} optimum={0.5} value={level} />
}
