import type { Database } from 'better-sqlite3'

export const initial = {
  version: 10,
  update(db: Database): void {
    db.exec(`
      create table workspaces (
        id text primary key,
        name text not null,
        created_at integer not null
      );
      create table accounts (
        id text primary key,
        email text not null unique collate nocase,
        name text not null,
        password_hash text not null,
        colour text not null,
        created_at integer not null
      );
      create table members (
        id text primary key,
        workspace_id text not null references workspaces(id) on delete cascade,
        account_id text not null references accounts(id) on delete cascade,
        role text not null check (role in ('owner', 'host', 'member', 'guest')),
        rooms text not null default '[]',
        last_seen_at integer,
        created_at integer not null,
        unique (workspace_id, account_id)
      );
      create index members_account on members(account_id);
      create table sessions (
        token_hash text primary key,
        member_id text not null references members(id) on delete cascade,
        created_at integer not null,
        expires_at integer not null
      );
      create index sessions_member on sessions(member_id);
      create table invites (
        code_hash text primary key,
        workspace_id text not null references workspaces(id) on delete cascade,
        role text not null,
        email text,
        rooms text not null default '[]',
        expires_at integer not null,
        created_by text not null,
        used_at integer
      );
      create table floors (
        workspace_id text not null references workspaces(id) on delete cascade,
        id text not null,
        position integer not null,
        version integer not null,
        doc text not null,
        primary key (workspace_id, id)
      );
      create table floor_ops (
        workspace_id text not null,
        floor_id text not null,
        version integer not null,
        batch_id text not null,
        ops text not null,
        author_id text not null,
        created_at integer not null,
        primary key (workspace_id, floor_id, version),
        foreign key (workspace_id, floor_id) references floors(workspace_id, id) on delete cascade
      );
      create unique index floor_ops_batch on floor_ops(workspace_id, floor_id, batch_id);
      create table admissions (
        workspace_id text not null references workspaces(id) on delete cascade,
        room_id text not null,
        member_id text not null references members(id) on delete cascade,
        until integer not null,
        primary key (workspace_id, room_id, member_id)
      );
      create table sign_in_attempts (
        key text not null,
        at integer not null
      );
      create index sign_in_attempts_key on sign_in_attempts(key, at);
    `)
  },
}
