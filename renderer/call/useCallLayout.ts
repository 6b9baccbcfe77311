/**
 * The call's tiles, read through components-react from the room in RoomContext (the store's active
 * room), and arranged by layout.ts: one camera tile per person in join order, plus any screen
 * share; who spoke last is remembered so the strip and the grid keep them in view.
 */
import { useParticipants, useSpeakingParticipants, useTracks, type TrackReferenceOrPlaceholder } from '@livekit/components-react'
import { Track } from 'livekit-client'
import { useEffect, useMemo, useState } from 'react'
import { useMedia } from '../app/context.tsx'
import { arrangeCall, noteSpeakers, tileKey, type CallLayout, type TileRef } from './layout.ts'

export interface CallTile extends TileRef {
  trackRef: TrackReferenceOrPlaceholder
}

export interface ArrangedCall extends Omit<CallLayout, 'stage' | 'rest'> {
  stage: CallTile | null
  rest: CallTile[]
  pinned: string | null
}

const SOURCES = [Track.Source.Camera, Track.Source.ScreenShare]

/** `maxVisible(staged)`: how many tiles fit besides the stage, with or without a stage. */
export function useCallLayout(maxVisible: (staged: boolean) => number): ArrangedCall {
  const participants = useParticipants()
  const refs = useTracks(SOURCES, { onlySubscribed: false })
  const speakers = useSpeakingParticipants()
  const pinned = useMedia((s) => s.pinned)
  const [heard, setHeard] = useState({ spoke: new Map<string, number>(), seq: 0 })
  const speakingKey = speakers.map((p) => p.identity).join('\n')
  useEffect(() => {
    if (speakingKey) setHeard((h) => noteSpeakers(h.spoke, speakingKey.split('\n'), h.seq))
  }, [speakingKey])

  return useMemo(() => {
    const tiles: CallTile[] = []
    for (const p of participants) {
      const camera = refs.find((r) => r.participant === p && r.source === Track.Source.Camera)
      tiles.push({ key: tileKey(p.identity, 'camera'), identity: p.identity, kind: 'camera', local: p.isLocal, trackRef: camera ?? { participant: p, source: Track.Source.Camera } })
      const screen = refs.find((r) => r.participant === p && r.source === Track.Source.ScreenShare)
      if (screen) tiles.push({ key: tileKey(p.identity, 'screen'), identity: p.identity, kind: 'screen', local: p.isLocal, trackRef: screen })
    }
    const all = arrangeCall({ tiles, pinned, spoke: heard.spoke, maxVisible: Infinity })
    const layout = arrangeCall({ tiles, pinned, spoke: heard.spoke, maxVisible: maxVisible(all.stage !== null) })
    return { ...layout, stage: layout.stage as CallTile | null, rest: layout.rest as CallTile[], pinned }
  }, [participants, refs, pinned, heard, maxVisible])
}
