/**
 * The answer to `app:boot` (fast start): the host config, the saved session, the OS theme and the
 * cache of the workspace written most recently, read together so that the renderer's first paint
 * waits for one round trip instead of four. The preload asks before the page's scripts load.
 */
import { BOOT_SECRET_KEY, type Boot, type HostConfig } from '../../protocol/ipc.ts'
import type { SystemTheme } from '../../protocol/theme.ts'
import type { SecretStore } from '../credentials/secret-store.ts'
import type { Cache } from './open.ts'
import { getSnapshot } from './queries.ts'

export interface BootDeps {
  cache: Cache
  secrets: Pick<SecretStore, 'get'>
  config: HostConfig
  systemTheme: () => SystemTheme
}

/** The workspace this machine wrote last: the one the member was in when the app last ran. */
export function latestSnapshot(cache: Cache): Boot['snapshot'] {
  const row = cache.db.prepare('SELECT id FROM workspaces ORDER BY saved_at DESC, rowid DESC LIMIT 1').get() as { id: string } | undefined
  return row ? getSnapshot(cache, row.id) : null
}

export async function readBoot({ cache, secrets, config, systemTheme }: BootDeps): Promise<Boot> {
  const session = await secrets.get(BOOT_SECRET_KEY)
  return { config, session, snapshot: latestSnapshot(cache), systemTheme: systemTheme() }
}
