/**
 * Fast start, in the preload: `app:boot` is sent as the preload runs, before the page's scripts
 * load, and the renderer's first reads of what it holds (config, the saved session, the OS theme,
 * the cached workspace) are answered from it instead of four more round trips to main.
 * Each answer serves one read. A write to the cache or the credentials before that read drops
 * them all, so a read never returns something older than the renderer's own write. When main
 * cannot answer `app:boot`, every read goes to main as before.
 */
import type { Boot, WireResult } from '../protocol/ipc.ts'
import { BOOT_SECRET_KEY } from '../protocol/ipc-names.ts'

export type Invoke = (channel: string, ...args: unknown[]) => Promise<WireResult<unknown>>

/** What the boot answer can stand in for: the channel, its arguments, and the value, or undefined. */
const readers: Record<string, (boot: Boot, args: unknown[]) => unknown> = {
  'app:getConfig': (boot) => boot.config,
  'credentials:get': (boot, [key]) => (key === BOOT_SECRET_KEY ? boot.session : undefined),
  'theme:getSystem': (boot) => boot.systemTheme,
  'cache:getSnapshot': (boot, [workspaceId]) => (boot.snapshot?.workspace.id === workspaceId ? boot.snapshot : undefined),
}

const changesBoot = (channel: string): boolean => /^(cache|credentials):/.test(channel) && !Object.hasOwn(readers, channel)

export function prefetchBoot(invoke: Invoke): Invoke {
  // A throw, a refusal (a main without the channel) or an odd answer all mean: no boot answer.
  const boot = new Promise<WireResult<unknown>>((resolve) => resolve(invoke('app:boot')))
    .then((r) => (r.ok ? (r.value as Boot) : null))
    .catch(() => null)
  const unused = new Set(Object.keys(readers))
  return async (channel, ...args) => {
    if (changesBoot(channel)) unused.clear()
    else if (unused.has(channel)) {
      const answer = await boot
      const value = answer && unused.has(channel) ? readers[channel]!(answer, args) : undefined
      if (value !== undefined) {
        unused.delete(channel)
        return { ok: true, value }
      }
    }
    return invoke(channel, ...args)
  }
}
