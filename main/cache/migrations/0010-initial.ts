import type { Database } from 'better-sqlite3'

/**
 * The first cache schema. Each row keeps the server's JSON as-is and is checked against the
 * protocol schemas when read back, so a new field on the server needs no migration here.
 * `saved_at` (ms) records when this client last wrote the row, for the snapshot's `savedAt`.
 */
export const migration0010 = {
  version: 10,
  update(db: Database): void {
    db.exec(`
      CREATE TABLE workspaces (
        id TEXT PRIMARY KEY,
        json TEXT NOT NULL,
        saved_at INTEGER NOT NULL
      ) STRICT;

      CREATE TABLE floors (
        workspace_id TEXT NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
        floor_id TEXT NOT NULL,
        version INTEGER NOT NULL,
        json TEXT NOT NULL,
        saved_at INTEGER NOT NULL,
        PRIMARY KEY (workspace_id, floor_id)
      ) STRICT;

      CREATE TABLE members (
        workspace_id TEXT NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
        member_id TEXT NOT NULL,
        json TEXT NOT NULL,
        saved_at INTEGER NOT NULL,
        PRIMARY KEY (workspace_id, member_id)
      ) STRICT;

      CREATE TABLE kv (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL
      ) STRICT;
    `)
  },
}
