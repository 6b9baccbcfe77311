/**
 * Messaging: the SQLite store's step 70 (see its comment), in PostgreSQL's words. Search is an
 * expression index over `to_tsvector('simple', body)` (no column to keep). `messages.n` is there
 * only so that a copy from SQLite (where it keys the full-text index) has somewhere to go; this
 * store leaves it empty.
 */
export const chat = {
  version: 30,
  sql: `
    create table chat_seqs (
      workspace_id text primary key references workspaces(id) on delete cascade,
      seq bigint not null
    );
    create table conversations (
      workspace_id text not null references workspaces(id) on delete cascade,
      id text not null,
      kind text not null check (kind in ('channel', 'dm', 'room')),
      name text not null,
      private boolean not null default false,
      archived boolean not null default false,
      room_id text,
      created_at bigint not null,
      created_by text,
      seq bigint not null default 0,
      last_seq bigint not null default 0,
      last_at bigint,
      primary key (workspace_id, id)
    );
    create unique index conversations_channel_name on conversations (workspace_id, name) where kind = 'channel';
    create index conversations_seq on conversations (workspace_id, seq);
    create table conversation_members (
      workspace_id text not null,
      conversation_id text not null,
      member_id text not null references members(id) on delete cascade,
      joined_at bigint not null,
      primary key (workspace_id, conversation_id, member_id),
      foreign key (workspace_id, conversation_id) references conversations(workspace_id, id) on delete cascade
    );
    create index conversation_members_member on conversation_members (member_id);
    create table conversation_departures (
      workspace_id text not null,
      conversation_id text not null,
      member_id text not null references members(id) on delete cascade,
      seq bigint not null,
      primary key (workspace_id, member_id, conversation_id),
      foreign key (workspace_id, conversation_id) references conversations(workspace_id, id) on delete cascade
    );
    create index conversation_departures_member on conversation_departures (member_id);
    create table messages (
      n bigint,
      workspace_id text not null,
      id text not null,
      conversation_id text not null,
      seq bigint not null,
      created_seq bigint not null,
      author_id text not null,
      client_id text not null,
      body text not null,
      thread_id text,
      replies integer not null default 0,
      created_at bigint not null,
      edited_at bigint,
      deleted boolean not null default false,
      mentions text not null default '[]',
      mentions_all boolean not null default false,
      primary key (workspace_id, id),
      foreign key (workspace_id, conversation_id) references conversations(workspace_id, id) on delete cascade
    );
    create unique index messages_client on messages (workspace_id, author_id, client_id);
    create unique index messages_seq on messages (workspace_id, seq);
    create index messages_history on messages (workspace_id, conversation_id, thread_id, created_seq);
    create index messages_posted on messages (workspace_id, conversation_id, created_seq);
    create index messages_search on messages using gin (to_tsvector('simple', body));
    create table message_reactions (
      workspace_id text not null,
      message_id text not null,
      reaction text not null,
      member_id text not null,
      at bigint not null,
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
      created_at bigint not null,
      primary key (workspace_id, id)
    );
    create index attachments_message on attachments (workspace_id, message_id);
    create table read_markers (
      workspace_id text not null references workspaces(id) on delete cascade,
      conversation_id text not null,
      member_id text not null references members(id) on delete cascade,
      seq bigint not null,
      primary key (workspace_id, conversation_id, member_id)
    );
    create index read_markers_member on read_markers (member_id);
    insert into conversations (workspace_id, id, kind, name, created_at)
      select id, 'ch_general', 'channel', 'general', created_at from workspaces;
  `,
}
