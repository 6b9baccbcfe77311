/**
 * Previews (looking in at the door, issue 11): a hidden participant whose connection is made
 * while its member's pointer rests on a room. It hears and sees nothing, but LiveKit hands every
 * participant the room's data packets. So the server shows out a preview not entered within
 * PREVIEW_MAX_MS: however it was made, nobody lurks in a room unseen. Clients drop theirs sooner.
 */
import type { FastifyInstance } from 'fastify'

export const PREVIEW_MAX_MS = 20_000

/** A webhook's participant, as far as previews care. */
export const isPreviewJoin = (participant: { permission?: { hidden?: boolean } } | undefined): boolean => participant?.permission?.hidden === true

/**
 * Watches the previews that join: once `maxMs` has passed, each is removed if it is a preview
 * still. In memory, on whichever server instance LiveKit's webhook reached; an instance that stops
 * meanwhile leaves the preview to its client, which drops it after its dwell. Call at plugin
 * registration (it adds an onClose hook).
 */
export function createPreviewExpiry(app: FastifyInstance, maxMs = PREVIEW_MAX_MS): (roomName: string, identity: string) => void {
  const timers = new Set<ReturnType<typeof setTimeout>>()
  app.addHook('onClose', async () => {
    for (const timer of timers) clearTimeout(timer)
    timers.clear()
  })
  return (roomName, identity) => {
    const timer = setTimeout(() => {
      timers.delete(timer)
      void (async () => {
        if (await app.rooms.isPreview(roomName, identity)) await app.rooms.removeParticipant(roomName, identity)
      })().catch((err: unknown) => app.log.warn({ err, roomName, identity }, 'could not show out an expired preview'))
    }, maxMs)
    timer.unref()
    timers.add(timer)
  }
}
