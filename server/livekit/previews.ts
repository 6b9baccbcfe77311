/**
 * Previews (looking in at the door, issue 11): a hidden participant whose connection is made
 * while its member's pointer rests on a room. Until the click the app holds its microphones and
 * takes only its cameras' lowest layer, unseen; but LiveKit hands every participant the room's data
 * packets, and a client that held nothing would receive all of the media. So the server shows out a preview not entered within
 * PREVIEW_MAX_MS: however it was made, nobody lurks in a room unseen. Clients drop theirs sooner.
 */
import type { FastifyInstance } from 'fastify'

export const PREVIEW_MAX_MS = 20_000

/** A webhook's participant, as far as previews care. */
export const isPreviewJoin = (participant: { permission?: { hidden?: boolean } } | undefined): boolean => participant?.permission?.hidden === true

/**
 * Watches the previews that join: once `maxMs` has passed, each is removed if it is a preview
 * still, and the same connection (its sid: a later preview of the same member keeps its own time). In memory, on whichever server instance LiveKit's webhook reached; an instance that stops
 * meanwhile leaves the preview to its client, which drops it after its dwell. Call at plugin
 * registration (it adds an onClose hook).
 */
export function createPreviewExpiry(app: FastifyInstance, maxMs = PREVIEW_MAX_MS): (roomName: string, identity: string, sid: string) => void {
  const timers = new Set<ReturnType<typeof setTimeout>>()
  app.addHook('onClose', async () => {
    for (const timer of timers) clearTimeout(timer)
    timers.clear()
  })
  return (roomName, identity, sid) => {
    const timer = setTimeout(() => {
      timers.delete(timer)
      void (async () => {
        if (await app.rooms.isPreview(roomName, identity)) await app.rooms.removeParticipant(roomName, identity, sid || undefined)
      })().catch((err: unknown) => app.log.warn({ err, roomName, identity }, 'could not show out an expired preview'))
    }, maxMs)
    timer.unref()
    timers.add(timer)
  }
}
