/**
 * Chat as the office starts it: nothing of it is in the start-up bundle. `boot()` (after the
 * cached office painted) loads the code and paints the chat from the cache; `online()` (every time
 * the office is online: start and reconnects) catches up and sends the outbox. The UI's calls
 * (ChatService) go straight through once loaded, else after the load. One service per signed-in
 * member: another member (or sign-out) ends it and its store is emptied.
 */
import type { Platform } from '../../platform/platform.ts'
import { emptyChat } from '../../stores/chat/store.ts'
import type { Stores } from '../../app/stores.ts'
import type { RunningChat } from './service.ts'
import type { ChatService } from './types.ts'

export interface LazyChat extends ChatService {
  /** Loads the chat and paints it from the cache (no network); the same session's service is kept. */
  boot(): Promise<void>
  /** Online (again): catch up from the last seq held, then send what waits. */
  online(): Promise<void>
  /** A server-sent packet on the lobby's chat topic. */
  receive(payload: Uint8Array): void
  /** Sign-out: ends the service (before the cache is cleared). */
  stop(): void
}

export function createLazyChat(platform: Platform, stores: Stores): LazyChat {
  let running: { key: string; chat: Promise<RunningChat> } | null = null
  const key = () => {
    const s = stores.session.getState()
    return s.phase === 'signed-in' && s.workspace && s.me ? `${s.workspace.id}/${s.me.id}` : null
  }
  const current = (): Promise<RunningChat> => {
    const k = key()
    if (!k) return Promise.reject(new Error('not signed in'))
    if (running?.key === k) return running.chat
    running?.chat.then((c) => c.stop(), () => undefined)
    const chat = import('./start.ts').then(({ startChat }) => startChat(platform, stores))
    running = { key: k, chat }
    return chat
  }
  const via = <R>(act: (c: RunningChat) => R | Promise<R>): Promise<R> => current().then(act)

  const own: Pick<LazyChat, 'boot' | 'online' | 'receive' | 'stop' | 'typing'> = {
    boot: () => via(() => undefined),
    online: () => via((c) => c.catchUp()),
    receive: (payload) => void via((c) => c.receive(payload)).catch(() => undefined),
    typing: (id) => void via((c) => c.typing(id)).catch(() => undefined),
    stop() {
      running?.chat.then((c) => c.stop(), () => undefined)
      running = null
      stores.chat.setState(emptyChat(null))
    },
  }
  // Every other ChatService call goes through as it is, by name: this file is in the start-up
  // bundle, and eighteen forwarding lines are not worth their bytes. Not thenable.
  return new Proxy(own, {
    get: (target, name) =>
      Object.hasOwn(target, name) ? target[name as keyof typeof own] : name === 'then' ? undefined : (...args: unknown[]) => via((c) => (c[name as keyof ChatService] as (...a: unknown[]) => unknown)(...args)),
  }) as LazyChat
}
