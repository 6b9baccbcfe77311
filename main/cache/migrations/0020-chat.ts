import type { Database } from 'better-sqlite3'

/**
 * Chat (issue 12): the conversation list with the catch-up cursor, recent messages per
 * conversation (the newest CHAT_CACHE_MESSAGES, trimmed on write), and the outbox of messages not
 * yet accepted by the server. As in 0010, rows keep the server's JSON and are checked when read;
 * the columns beside it are what the queries sort and trim by. Not tied to `workspaces` by a
 * foreign key: chat may be written before the workspace row is (and `clearCache` empties these).
 */
export const migration0020 = {
  version: 20,
  update(db: Database): void {
    db.exec(`
      CREATE TABLE chat_lists (
        workspace_id TEXT PRIMARY KEY,
        json TEXT NOT NULL,
        seq INTEGER NOT NULL
      ) STRICT;

      CREATE TABLE chat_messages (
        workspace_id TEXT NOT NULL,
        id TEXT NOT NULL,
        conversation_id TEXT NOT NULL,
        seq INTEGER NOT NULL,
        created_at INTEGER NOT NULL,
        json TEXT NOT NULL,
        PRIMARY KEY (workspace_id, id)
      ) STRICT;
      CREATE INDEX chat_messages_by_time ON chat_messages (workspace_id, conversation_id, created_at, seq);

      CREATE TABLE chat_outbox (
        workspace_id TEXT NOT NULL,
        client_id TEXT NOT NULL,
        conversation_id TEXT NOT NULL,
        created_at INTEGER NOT NULL,
        json TEXT NOT NULL,
        PRIMARY KEY (workspace_id, client_id)
      ) STRICT;
    `)
  },
}
