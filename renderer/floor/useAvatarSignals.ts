/**
 * What an avatar shows beyond its status: a raised hand (while its owner is in the room they
 * raised it in, by the server's occupancy), a reaction fading out, and the speaking ring for the
 * people in this member's call (LiveKit's active speakers of that call). Only the few people with
 * a signal are in the map, and an unchanged signal keeps its object, so the memoised avatars of
 * everyone else never re-render; nothing here runs per frame. livekit-client is a type import
 * only: the floor's chunk does not load it.
 */
import type { Participant, Room } from 'livekit-client'
import { useEffect, useMemo, useRef, useState } from 'react'
import { useMedia, usePresence, useSocial } from '../app/context.tsx'
import { handRaised } from '../stores/social/selectors.ts'
import type { ShownReaction } from '../stores/social/signals.ts'

export interface AvatarSignal {
  hand: boolean
  reaction: ShownReaction | undefined
  speaking: boolean
}

const NONE: ReadonlyMap<string, AvatarSignal> = new Map()
const NOBODY: ReadonlySet<string> = new Set()
const unmuted = (p: Participant) => p.isMicrophoneEnabled

/**
 * The identities LiveKit says are speaking in `room` (the call), as a set that changes only when
 * they do. A muted microphone is never speaking: LiveKit's speaker list lags a mute by up to a
 * second, and a ring on someone who just muted tells the room the opposite of the truth.
 */
function useActiveSpeakers(room: Room | null): ReadonlySet<string> {
  const [key, setKey] = useState('')
  useEffect(() => {
    if (!room) return
    const heard = () => setKey(room.activeSpeakers.filter(unmuted).map((p) => p.identity).sort().join('\n'))
    heard()
    const events = ['activeSpeakersChanged', 'trackMuted', 'trackUnmuted'] as const
    for (const e of events) room.on(e, heard)
    return () => {
      for (const e of events) room.off(e, heard)
      setKey('')
    }
  }, [room])
  return useMemo(() => (key ? new Set(key.split('\n')) : NOBODY), [key])
}

const same = (a: AvatarSignal, b: AvatarSignal) => a.hand === b.hand && a.reaction === b.reaction && a.speaking === b.speaking

export function useAvatarSignals(selfId: string | null): ReadonlyMap<string, AvatarSignal> {
  const hands = useSocial((s) => s.hands)
  const reactions = useSocial((s) => s.reactions)
  const occupancy = usePresence((s) => s.occupancy)
  const selfRoom = usePresence((s) => s.self.room)
  const speakers = useActiveSpeakers(useMedia((s) => s.room))
  const previous = useRef(NONE)

  return useMemo(() => {
    const ids = new Set([...Object.keys(hands), ...Object.keys(reactions), ...speakers])
    if (ids.size === 0) return (previous.current = NONE)
    const where = { occupancy, self: { room: selfRoom } }
    const next = new Map<string, AvatarSignal>()
    for (const id of ids) {
      const signal = { hand: handRaised(hands, where, id, selfId), reaction: reactions[id], speaking: speakers.has(id) }
      if (!signal.hand && !signal.reaction && !signal.speaking) continue
      const before = previous.current.get(id)
      next.set(id, before && same(before, signal) ? before : signal)
    }
    previous.current = next
    return next
  }, [hands, reactions, occupancy, selfRoom, speakers, selfId])
}
