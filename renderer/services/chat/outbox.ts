/**
 * The outbox: a message is kept (store and cache) before it is posted, and posted in the order
 * written, one at a time, with its clientId (posting twice posts once). While the server cannot be
 * reached the queue waits for the next catch-up (every reconnect runs one); a 429 waits until the
 * server's `until`; a 5xx retries after a pause; any other refusal marks the message "not sent"
 * with the server's reason and the queue goes on with the next.
 */
import type { ChatOutboxItem } from '../../../protocol/ipc.ts'
import { quietly, type ChatContext } from './context.ts'
import { ChatError } from './types.ts'

const RETRY_AFTER_SERVER_ERROR_MS = 5_000

export interface Outbox {
  add(item: ChatOutboxItem): Promise<void>
  /** Sends what waits, in order (no-op while already sending). */
  flush(): Promise<void>
  retry(clientId: string): Promise<void>
  discard(clientId: string): Promise<void>
  stop(): void
}

export function createOutbox(ctx: ChatContext): Outbox {
  const { store, act, cache, api, workspaceId: ws } = ctx
  let sending: Promise<void> | null = null
  let timer: ReturnType<typeof setTimeout> | null = null
  let stopped = false

  const later = (ms: number) => {
    if (timer) clearTimeout(timer)
    timer = setTimeout(() => {
      timer = null
      void flush()
    }, ms)
  }

  const notSent = (item: ChatOutboxItem, reason: string) => {
    const failed = { ...item, error: reason.slice(0, 500) }
    act.putOutbox(failed)
    quietly(cache.putOutbox(ws, failed))
  }

  /** Posts one item; returns whether the queue may go on. */
  const sendOne = async (item: ChatOutboxItem): Promise<boolean> => {
    try {
      const message = await api.post(item.conversationId, {
        clientId: item.clientId,
        body: item.body,
        ...(item.threadId ? { threadId: item.threadId } : {}),
        ...(item.attachments?.length ? { attachments: item.attachments.map((a) => a.id) } : {}),
      })
      ctx.online = true
      // The message first, then the outbox entry goes: never a moment with neither.
      ctx.keep([message], false)
      act.dropOutbox(item.clientId)
      quietly(cache.dropOutbox(ws, item.clientId))
      return true
    } catch (err) {
      if (!(err instanceof ChatError)) throw err
      if (err.status === 0) {
        ctx.online = false
        return false
      }
      if (err.status === 429) {
        later(Math.max(1_000, (err.until ?? ctx.now() + 10_000) - ctx.now()))
        return false
      }
      if (err.status >= 500 || err.status === 401) {
        if (err.status >= 500) later(RETRY_AFTER_SERVER_ERROR_MS)
        return false
      }
      if (err.status === 404) {
        // No longer readable (or never was): the conversation goes, with what was queued for it.
        ctx.drop(item.conversationId)
        return true
      }
      notSent(item, err.message)
      return true
    }
  }

  const flush = (): Promise<void> => {
    if (sending) return sending
    let run: Promise<void> | null = null
    run = (async () => {
      // Not before `sending` is set: an empty queue would otherwise finish (and clear it) first.
      await Promise.resolve()
      try {
        for (;;) {
          if (stopped) return
          const next = store.getState().outbox.find((o) => o.error === undefined)
          if (!next || !(await sendOne(next))) return
        }
      } finally {
        if (sending === run) sending = null
      }
    })()
    sending = run
    return run
  }

  return {
    async add(item) {
      act.putOutbox(item)
      // On disk before it is sent: a crash or a restart offline keeps it.
      await cache.putOutbox(ws, item).catch((err: unknown) => console.warn('chat outbox:', (err as Error).message))
      void flush()
    },
    flush,
    async retry(clientId) {
      const item = store.getState().outbox.find((o) => o.clientId === clientId)
      if (!item) return
      const { error: _error, ...again } = item
      act.putOutbox(again)
      quietly(cache.putOutbox(ws, again))
      await flush()
    },
    async discard(clientId) {
      act.dropOutbox(clientId)
      await cache.dropOutbox(ws, clientId).catch(() => undefined)
    },
    stop() {
      stopped = true
      if (timer) clearTimeout(timer)
    },
  }
}
