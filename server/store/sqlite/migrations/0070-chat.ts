import type { Database } from 'better-sqlite3'

/**
 * Messaging (issue 12):
 * - chat_seqs: each workspace's last seq; every change to a message or a conversation takes the next;
 * - conversations: channels, DMs, and room chats from their first message; last_seq/last_at kept
 *   with each message so that listing conversations reads no messages; #general for every
 *   workspace already there (new ones get it with the workspace);
 * - conversation_members, conversation_departures (who left or was taken out, for catch-up's `gone`);
 * - messages: `n` is the rowid the full-text index (FTS5, external content, kept by triggers) points
 *   at, aliased so that it never changes (a plain rowid may, on VACUUM); `created_seq` is the seq it
 *   was posted with (history order, unread counts), `seq` that of its last change;
 * - message_reactions, attachments (message_id null until posted), read_markers.
 * Authors and uploaders are not foreign keys: what someone wrote stays after they leave.
 */
export const chat = {
  version: 70,
  update(db: Database): void {
    db.exec(`
      create table chat_seqs (
        workspace_id text primary key references workspaces(id) on delete cascade,
        seq integer not null
      );
      create table conversations (
        workspace_id text not null references workspaces(id) on delete cascade,
        id text not null,
        kind text not null check (kind in ('channel', 'dm', 'room')),
        name text not null,
        private integer not null default 0,
        archived integer not null default 0,
        room_id text,
        created_at integer not null,
        created_by text,
        seq integer not null default 0,
        last_seq integer not null default 0,
        last_at integer,
        primary key (workspace_id, id)
      );
      create unique index conversations_channel_name on conversations (workspace_id, name) where kind = 'channel';
      create index conversations_seq on conversations (workspace_id, seq);
      create table conversation_members (
        workspace_id text not null,
        conversation_id text not null,
        member_id text not null references members(id) on delete cascade,
        joined_at integer not null,
        primary key (workspace_id, conversation_id, member_id),
        foreign key (workspace_id, conversation_id) references conversations(workspace_id, id) on delete cascade
      );
      create index conversation_members_member on conversation_members (member_id);
      create table conversation_departures (
        workspace_id text not null,
        conversation_id text not null,
        member_id text not null references members(id) on delete cascade,
        seq integer not null,
        primary key (workspace_id, member_id, conversation_id),
        foreign key (workspace_id, conversation_id) references conversations(workspace_id, id) on delete cascade
      );
      create index conversation_departures_member on conversation_departures (member_id);
      create table messages (
        n integer primary key,
        workspace_id text not null,
        id text not null,
        conversation_id text not null,
        seq integer not null,
        created_seq integer not null,
        author_id text not null,
        client_id text not null,
        body text not null,
        thread_id text,
        replies integer not null default 0,
        created_at integer not null,
        edited_at integer,
        deleted integer not null default 0,
        mentions text not null default '[]',
        mentions_all integer not null default 0,
        foreign key (workspace_id, conversation_id) references conversations(workspace_id, id) on delete cascade
      );
      create unique index messages_id on messages (workspace_id, id);
      create unique index messages_client on messages (workspace_id, author_id, client_id);
      create unique index messages_seq on messages (workspace_id, seq);
      create index messages_history on messages (workspace_id, conversation_id, thread_id, created_seq);
      create index messages_posted on messages (workspace_id, conversation_id, created_seq);
      create virtual table messages_fts using fts5(body, content = 'messages', content_rowid = 'n', tokenize = 'unicode61 remove_diacritics 2');
      create trigger messages_fts_insert after insert on messages begin
        insert into messages_fts (rowid, body) values (new.n, new.body);
      end;
      create trigger messages_fts_delete after delete on messages begin
        insert into messages_fts (messages_fts, rowid, body) values ('delete', old.n, old.body);
      end;
      create trigger messages_fts_update after update of body on messages begin
        insert into messages_fts (messages_fts, rowid, body) values ('delete', old.n, old.body);
        insert into messages_fts (rowid, body) values (new.n, new.body);
      end;
      create table message_reactions (
        workspace_id text not null,
        message_id text not null,
        reaction text not null,
        member_id text not null,
        at integer not null,
        primary key (workspace_id, message_id, reaction, member_id),
        foreign key (workspace_id, message_id) references messages(workspace_id, id) on delete cascade
      );
      create table attachments (
        workspace_id text not null references workspaces(id) on delete cascade,
        id text not null,
        uploader_id text not null,
        name text not null,
        type text not null,
        size integer not null,
        width integer,
        height integer,
        storage_key text not null,
        message_id text,
        created_at integer not null,
        primary key (workspace_id, id)
      );
      create index attachments_message on attachments (workspace_id, message_id);
      create table read_markers (
        workspace_id text not null references workspaces(id) on delete cascade,
        conversation_id text not null,
        member_id text not null references members(id) on delete cascade,
        seq integer not null,
        primary key (workspace_id, conversation_id, member_id)
      );
      create index read_markers_member on read_markers (member_id);
      insert into conversations (workspace_id, id, kind, name, created_at)
        select id, 'ch_general', 'channel', 'general', created_at from workspaces;
    `)
  },
}
