/**
 * Open events' reminder emails (issue 13): REMINDER_LEAD_MS before an event starts, each outside
 * guest of it who gave an email gets one; one who joins later, before the start, gets theirs at once.
 * The store claims each reminder once (guest_passes.reminded_at, set by the statement that picks
 * it), so neither a restart nor a second instance ever sends it again. A send that fails is retried
 * a few times, then logged and given up: the reminder is sent at most once, so an instance that
 * dies mid-send loses it rather than risk two. Timers: one at the next reminder's time, and a
 * periodic check (joins on another instance, a clock that moved). Stopped on close.
 */
import { setTimeout as sleep } from 'node:timers/promises'
import type { FastifyInstance, FastifyPluginAsync } from 'fastify'
import { REMINDER_LEAD_MS } from '../../protocol/community.ts'
import { startDueRunner } from '../due-runner.ts'
import { findRoom } from '../room-moderation.ts'
import type { GuestPass } from '../store/community-store.ts'
import { reminderMail } from './mail-message.ts'
import type { Mailer, OutgoingMail } from './mailer.ts'

export interface MailOptions {
  mailer: Mailer
  /** The waits between attempts after a failed send; as many retries as waits (default 10 s, 30 s, 90 s). */
  retryDelaysMs?: readonly number[]
}

/** The periodic check: a reminder due from another instance's join is sent at most this late. */
const REMIND_CHECK_MS = 5_000
const RETRY_DELAYS_MS = [10_000, 30_000, 90_000]

export interface Reminders {
  /** Checks now (after the check under way, if any). */
  kick(): void
  /** Checks now, and resolves once that check and every send it started, retries included, are done. */
  settle(): Promise<void>
  /** Stops: no new check, no more retries; the sends under way finish. */
  stop(): Promise<void>
}

/** The reminders of each running app, by its store (shared by the app and every plugin in it). */
const running = new WeakMap<object, Reminders>()

/** Asks the app's reminders (when email is on) to check now: a guest just joined. */
export function kickReminders(app: FastifyInstance): void {
  running.get(app.store)?.kick()
}

/** The app's reminders, or null when it sends no email. */
export const remindersOf = (app: FastifyInstance): Reminders | null => running.get(app.store) ?? null

function startReminders(app: FastifyInstance, publicUrl: string, opts: MailOptions): Reminders {
  const sends = new Set<Promise<void>>()
  const abort = new AbortController()

  const compose = async (pass: GuestPass): Promise<OutgoingMail | null> => {
    const [event, member, workspace] = await Promise.all([
      app.store.getEvent(pass.workspaceId, pass.sourceId), app.store.getMember(pass.workspaceId, pass.memberId), app.store.getWorkspace(pass.workspaceId),
    ])
    // Cancelled, or the guest gone: nothing to remind of.
    if (!event || !member || member.removingSince != null || !pass.email) return null
    const roomName = await findRoom(app, pass.workspaceId, event.roomId).then(({ room }) => room.name, () => 'the event’s room')
    const link = event.publicCode === null ? null : `${publicUrl}/#/event/${event.publicCode}`
    return reminderMail({ to: pass.email, guestName: member.name, workspaceName: workspace?.name ?? '', title: event.title, startsAt: event.startsAt, roomName, link })
  }

  const deliver = async (pass: GuestPass) => {
    const about = { workspaceId: pass.workspaceId, memberId: pass.memberId, eventId: pass.sourceId }
    const mail = await compose(pass)
    if (!mail) return
    const delays = opts.retryDelaysMs ?? RETRY_DELAYS_MS
    for (let attempt = 1; ; attempt++) {
      try {
        await opts.mailer.send(mail)
        app.log.info(about, 'reminder email sent to an event guest')
        return
      } catch (err) {
        const wait = delays[attempt - 1]
        if (wait === undefined || abort.signal.aborted) {
          app.log.error({ err, ...about, attempts: attempt }, 'reminder email to an event guest not sent; giving up')
          return
        }
        app.log.warn({ err, ...about, attempt, retryInMs: wait }, 'reminder email to an event guest not sent; retrying')
        const waited = await sleep(wait, true, { signal: abort.signal }).catch(() => false)
        if (!waited) {
          app.log.warn(about, 'server closing: reminder email to an event guest not sent')
          return
        }
      }
    }
  }

  const track = (send: Promise<void>) => {
    const tracked = send.catch((err: unknown) => app.log.error({ err }, 'reminder email failed')).finally(() => sends.delete(tracked))
    sends.add(tracked)
  }

  const runner = startDueRunner({
    everyMs: REMIND_CHECK_MS,
    now: () => app.now(),
    onError: (err) => app.log.warn({ err }, 'reminder check failed; trying again on the next one'),
    async run() {
      for (const pass of await app.store.claimGuestReminders(app.now(), REMINDER_LEAD_MS)) track(deliver(pass))
      return app.store.nextGuestReminder(app.now(), REMINDER_LEAD_MS)
    },
  })
  const reminders: Reminders = {
    kick: runner.kick,
    async settle() {
      runner.kick()
      await runner.idle()
      await Promise.all([...sends])
    },
    async stop() {
      running.delete(app.store)
      abort.abort()
      await runner.stop()
      await Promise.all([...sends])
    },
  }
  running.set(app.store, reminders)
  return reminders
}

/** The plugin (server/app.ts): starts the reminders once the app is ready when email is on; nothing otherwise. */
export const mailReminders: FastifyPluginAsync<{ mail: MailOptions | null }> = async (app, { mail }) => {
  if (!mail) return
  const publicUrl = app.settings.publicUrl?.replace(/\/+$/, '')
  if (!publicUrl) throw new Error('reminder emails need the server’s public address (publicUrl, OFFICE_PUBLIC_URL) for their link')
  let reminders: Reminders | null = null
  app.addHook('onReady', async () => {
    reminders = startReminders(app, publicUrl, mail)
  })
  // Before onClose, where the store closes: the check and the sends under way finish first.
  app.addHook('preClose', async () => {
    await reminders?.stop()
  })
  app.addHook('onClose', async () => mail.mailer.close())
}
