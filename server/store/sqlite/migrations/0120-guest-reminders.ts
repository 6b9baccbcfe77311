import type { Database } from 'better-sqlite3'

/**
 * Reminder emails of open events' outside guests: `reminded_at` is set when a guest's reminder is
 * claimed (once, by one instance), and the unclaimed ones are indexed by their start for the
 * reminder timer (server/community/mail-reminders.ts).
 */
export const guestReminders = {
  version: 120,
  update(db: Database): void {
    db.exec(`
      alter table guest_passes add column reminded_at integer;
      create index guest_passes_reminders on guest_passes (starts_at) where reminded_at is null and email is not null;
    `)
  },
}
