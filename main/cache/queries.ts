/**
 * Typed reads and writes on the cache. Rows hold the server's JSON; every read is checked
 * against the protocol schemas and an invalid row counts as absent, so a damaged or outdated row
 * costs a refetch, never a renderer crash.
 */
import { Value } from 'typebox/value'
import type { TSchema, Static } from 'typebox'
import { MemberSchema, WorkspaceSchema, type Member, type Workspace } from '../../protocol/api.ts'
import { FloorSchema, type Floor, type WorkspaceId } from '../../protocol/floor/records.ts'
import { PresenceSnapshotSchema, type CacheSnapshot, type PresenceSnapshot } from '../../protocol/ipc.ts'
import type { ErrorCode } from '../../protocol/errors.ts'
import type { KvStore } from '../credentials/secret-store.ts'
import type { Cache } from './open.ts'
import { removeAsideCopies } from './recover.ts'
import { wipeFreedPages } from './scrub.ts'
import { openSecretsFile, secretsFileFor } from './secrets-file.ts'

/** A refused write; `code` travels over IPC as the wire error code. */
export class CacheError extends Error {
  readonly code: ErrorCode
  constructor(code: ErrorCode, message: string) {
    super(message)
    this.name = 'CacheError'
    this.code = code
  }
}

interface JsonRow {
  json: string
  saved_at: number
}

function parseRow<S extends TSchema>(schema: S, json: string): Static<S> | null {
  let value: unknown
  try {
    value = JSON.parse(json)
  } catch {
    return null
  }
  return Value.Check(schema, value) ? (value as Static<S>) : null
}

/** The cached workspace with its floors and members, or null when the workspace is not cached. */
export function getSnapshot(cache: Cache, workspaceId: WorkspaceId): CacheSnapshot | null {
  const { db } = cache
  const ws = db.prepare('SELECT json, saved_at FROM workspaces WHERE id = ?').get(workspaceId) as JsonRow | undefined
  const workspace = ws && parseRow(WorkspaceSchema, ws.json)
  if (!ws || !workspace || workspace.id !== workspaceId) return null
  let savedAt = ws.saved_at
  const rows = <S extends TSchema>(sql: string, schema: S): Static<S>[] =>
    (db.prepare(sql).all(workspaceId) as JsonRow[]).flatMap((row) => {
      const value = parseRow(schema, row.json)
      if (value === null) return []
      savedAt = Math.max(savedAt, row.saved_at)
      return [value]
    })
  // rowid order is the order the server listed them in (members are rewritten as a set).
  const floors = rows('SELECT json, saved_at FROM floors WHERE workspace_id = ? ORDER BY rowid', FloorSchema)
  const members = rows('SELECT json, saved_at FROM members WHERE workspace_id = ? ORDER BY rowid', MemberSchema)
  const presenceJson = getSetting(cache, presenceKey(workspaceId))
  const presence = presenceJson === null ? null : parseRow(PresenceSnapshotSchema, presenceJson)
  return { workspace, floors, members, presence, savedAt }
}

const presenceKey = (workspaceId: WorkspaceId) => `presence:${workspaceId}`

/** The last presence seen in a workspace; kept beside the workspace's rows, replaced as a whole. */
export function putPresence(cache: Cache, workspaceId: WorkspaceId, presence: PresenceSnapshot): void {
  putSetting(cache, presenceKey(workspaceId), JSON.stringify(presence))
}

export function putWorkspace(cache: Cache, workspace: Workspace): void {
  cache.db
    .prepare(
      `INSERT INTO workspaces (id, json, saved_at) VALUES (?, ?, ?)
       ON CONFLICT (id) DO UPDATE SET json = excluded.json, saved_at = excluded.saved_at`,
    )
    .run(workspace.id, JSON.stringify(workspace), cache.now())
}

function requireWorkspace(cache: Cache, workspaceId: WorkspaceId): void {
  if (!cache.db.prepare('SELECT 1 FROM workspaces WHERE id = ?').get(workspaceId)) {
    throw new CacheError('not_found', `workspace ${workspaceId} is not cached; put the workspace first`)
  }
}

/**
 * Stores `floor` under its id, replacing what was there. A floor older than the stored one is
 * ignored (returns false): a slow fetch answered after a newer edit must not roll the cache back.
 */
export function putFloor(cache: Cache, workspaceId: WorkspaceId, floor: Floor): boolean {
  requireWorkspace(cache, workspaceId)
  const info = cache.db
    .prepare(
      `INSERT INTO floors (workspace_id, floor_id, version, json, saved_at) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT (workspace_id, floor_id) DO UPDATE
         SET version = excluded.version, json = excluded.json, saved_at = excluded.saved_at
         WHERE excluded.version >= floors.version`,
    )
    .run(workspaceId, floor.id, floor.version, JSON.stringify(floor), cache.now())
  return info.changes > 0
}

/** Replaces the workspace's whole member list in one transaction, so readers never see half of it. */
export function putMembers(cache: Cache, workspaceId: WorkspaceId, members: readonly Member[]): void {
  const stranger = members.find((m) => m.workspaceId !== workspaceId)
  if (stranger) throw new CacheError('bad_args', `member ${stranger.id} belongs to ${stranger.workspaceId}, not ${workspaceId}`)
  const { db } = cache
  const insert = db.prepare('INSERT OR REPLACE INTO members (workspace_id, member_id, json, saved_at) VALUES (?, ?, ?, ?)')
  db.transaction(() => {
    requireWorkspace(cache, workspaceId)
    db.prepare('DELETE FROM members WHERE workspace_id = ?').run(workspaceId)
    const savedAt = cache.now()
    for (const m of members) insert.run(workspaceId, m.id, JSON.stringify(m), savedAt)
  })()
}

export function getSetting(cache: Cache, key: string): string | null {
  const row = cache.db.prepare('SELECT value FROM kv WHERE key = ?').get(key) as { value: string } | undefined
  return row?.value ?? null
}

/** `null` deletes the key. Secrets never go here: see `cacheKv`. */
export function putSetting(cache: Cache, key: string, value: string | null): void {
  if (key.startsWith('secret:')) throw new CacheError('bad_args', `${key}: secrets are kept beside the cache, not in it`)
  if (value === null) cache.db.prepare('DELETE FROM kv WHERE key = ?').run(key)
  else cache.db.prepare('INSERT INTO kv (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value').run(key, value)
}

/**
 * The key-value store the secret store seals values into: the credentials file beside this
 * cache (secrets-file.ts), never the SQLite file, which is moved aside or wiped without a thought.
 */
export const cacheKv = (cache: Cache): KvStore => openSecretsFile(secretsFileFor(cache.file))

/**
 * Forgets everything learned from the server — workspaces with their floors and members, the
 * presence pictures and chat — and wipes it from the file's bytes: after sign-out, the next person at
 * this machine finds no trace of the office. Window bounds and renderer settings stay.
 */
export function clearCache(cache: Cache): void {
  const { db } = cache
  db.transaction(() => {
    // Floors and members go with their workspace (ON DELETE CASCADE).
    db.prepare('DELETE FROM workspaces').run()
    db.prepare("DELETE FROM kv WHERE key GLOB 'presence:*'").run()
    // Chat (0020-chat.ts): every workspace's list, messages and unsent messages.
    for (const table of ['chat_lists', 'chat_messages', 'chat_outbox']) db.prepare(`DELETE FROM ${table}`).run()
  })()
  wipeFreedPages(db)
  // A damaged cache moved aside (recover.ts) holds the office as it was then: it goes too.
  removeAsideCopies(cache.file)
}
