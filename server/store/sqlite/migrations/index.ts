/** Server store migrations by `PRAGMA user_version`, in steps of 10, each in one transaction. */
import type { Database } from 'better-sqlite3'
import { initial } from './0010-initial.ts'
import { occupancy } from './0020-occupancy.ts'
import { invitesAndDrafts } from './0030-invites-and-drafts.ts'
import { limitsReadsAndUndo } from './0040-limits-reads-and-undo.ts'
import { memberRemovals } from './0050-member-removals.ts'
import { roomModeration } from './0060-room-moderation.ts'
import { chat } from './0070-chat.ts'
import { companies } from './0080-companies.ts'
import { profiles } from './0090-profiles.ts'
import { community } from './0100-community.ts'
import { analytics } from './0110-analytics.ts'
import { guestReminders } from './0120-guest-reminders.ts'
import { board } from './0130-board.ts'
import { calendar } from './0140-calendar.ts'
import { shelf } from './0150-shelf.ts'
import { whiteboard } from './0160-whiteboard.ts'

export interface Migration {
  version: number
  update(db: Database): void
}

export const migrations: readonly Migration[] = [initial, occupancy, invitesAndDrafts, limitsReadsAndUndo, memberRemovals, roomModeration, chat, companies, profiles, community, analytics, guestReminders, board, calendar, shelf, whiteboard]

export class StoreVersionFromFutureError extends Error {}

export function migrate(db: Database, list: readonly Migration[] = migrations): number {
  for (let i = 1; i < list.length; i++) {
    if (list[i]!.version <= list[i - 1]!.version) throw new Error('migrations must be strictly increasing')
  }
  const current = db.pragma('user_version', { simple: true }) as number
  const latest = list.at(-1)?.version ?? 0
  if (current > latest) {
    throw new StoreVersionFromFutureError(`the store is at schema ${current}, newer than this server (${latest}); upgrade the server`)
  }
  for (const m of list) {
    if (m.version <= current) continue
    db.transaction(() => {
      m.update(db)
      db.pragma(`user_version = ${m.version}`)
    })()
  }
  return latest
}
