/** Issue 14: on a room's card, its whiteboard as last saved, for people outside the room. */
import { useEffect, useState } from 'react'
import type { Place } from '../places/place.ts'
import { useWhiteboardApi } from './useWhiteboardApi.ts'
import './whiteboard.css'

export function RoomThumbnail({ place }: { place: Place }) {
  const api = useWhiteboardApi()
  const [src, setSrc] = useState<string | null | undefined>(undefined)
  useEffect(() => {
    if (!api) return
    let url: string | null = null
    let on = true
    // A board the member may not see is not found, like one never drawn on: the card says the same.
    api.thumbnail(place.id).then((u) => (on ? setSrc((url = u)) : u && URL.revokeObjectURL(u)), () => on && setSrc(null))
    return () => {
      on = false
      if (url) URL.revokeObjectURL(url)
    }
  }, [api, place.id])
  if (src === undefined) return null
  return <div className="room-thumbnail">{src ? <img src={src} alt={`Whiteboard of ${place.name}`} /> : <p>Nothing on the whiteboard yet.</p>}</div>
}
