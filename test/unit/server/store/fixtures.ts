/**
 * Records for the store tests, and the SQLite-only helpers of the tests that look at SQLite's
 * own file (migrations): real files in temp folders, closed and removed after each test. Tests
 * that hold for every store open theirs through test/support/stores.ts.
 */
import { afterEach } from 'vitest'
import { join } from 'node:path'
import type { Floor } from '../../../../protocol/floor/records.ts'
import { starterFloor } from '../../../../server/floor/starter.ts'
import { openSqliteStore, type SqliteStoreOptions } from '../../../../server/store/sqlite/sqlite-store.ts'
import type { NewInvite, NewMember, Store } from '../../../../server/store/store.ts'
import { tempDir } from '../../../support/temp.ts'

const cleanups: (() => void)[] = []
afterEach(() => {
  for (const cleanup of cleanups.splice(0).reverse()) cleanup()
})

/** A path for a database file in a fresh folder removed after the test. */
export function dbFile(): string {
  const dir = tempDir('store-')
  cleanups.push(() => dir.remove())
  return join(dir.path, 'office.db')
}

/** The SQLite store on `file`, closed after the test. */
export function openSqlite(file = dbFile(), opts: SqliteStoreOptions = {}): Store {
  const store = openSqliteStore(file, opts)
  cleanups.push(() => store.close())
  return store
}

let counter = 0
export const newMember = (role: NewMember['role'] = 'member', memberId = `mem_${++counter}`): NewMember => ({
  memberId,
  role,
  rooms: [],
  account: { id: `acc_${memberId}`, email: `${memberId}@example.com`, name: memberId, passwordHash: 'not-a-real-hash', colour: '#1971c2' },
})

/** A workspace with its owner and the starter floor (version 0), as POST /api/workspaces makes it. */
export async function seedWorkspace(store: Store, workspaceId = 'ws_acme'): Promise<{ workspaceId: string; ownerId: string; floor: Floor }> {
  const owner = newMember('owner', `mem_owner_${workspaceId}`)
  const floor = starterFloor(owner.memberId)
  await store.createWorkspace({ id: workspaceId, name: 'Acme', createdAt: 1_700_000_000_000 }, owner, floor)
  return { workspaceId, ownerId: owner.memberId, floor }
}

let invites = 0
/** A new member invite of `workspaceId` made by `createdBy` at time 1, expiring at 1,000. */
export const inviteRecord = (workspaceId: string, changes: Partial<NewInvite> = {}): NewInvite => ({
  id: `inv_${++invites}`,
  workspaceId,
  role: 'member',
  email: null,
  rooms: [],
  createdBy: 'mem_nobody',
  createdAt: 1,
  expiresAt: 1_000,
  ...changes,
})
