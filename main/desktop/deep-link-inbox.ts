/**
 * The single-instance hand-off: links arriving at start (argv), from a second instance
 * (`second-instance` with its argv) or from macOS (`open-url`) all land here. A valid link is
 * delivered to the renderer once it listens; until then it waits, and the renderer takes it with
 * `deeplink:take` at start. Only the newest waiting link is kept: the member clicked it last.
 */
import type { DeepLink } from '../../protocol/desktop-ipc.ts'
import { linkFromArgv, parseDeepLink } from './deep-link.ts'

export interface DeepLinkInbox {
  /** A raw link from anywhere; the reason when refused, else null. */
  receive(raw: string): string | null
  /** A second launch: focus this instance, then handle the link its command line carried. */
  secondInstance(argv: readonly string[]): string | null
  /** What waited for the renderer (once); from then on links are delivered as they come. */
  take(): DeepLink | null
  /** The renderer is gone (reload, window closed): links wait again. */
  detach(): void
}

export interface InboxDeps {
  allowedHost: string
  focus(): void
  deliver(link: DeepLink): void
  warn?(message: string): void
}

export function createDeepLinkInbox({ allowedHost, focus, deliver, warn = console.warn }: InboxDeps): DeepLinkInbox {
  let waiting: DeepLink | null = null
  let listening = false
  const receive = (raw: string): string | null => {
    const result = parseDeepLink(raw, allowedHost)
    if (!result.ok) {
      warn(`ignored a deep link: ${result.reason}`)
      return result.reason
    }
    if (listening) deliver(result.link)
    else waiting = result.link
    return null
  }
  return {
    receive,
    secondInstance(argv) {
      focus()
      const raw = linkFromArgv(argv)
      return raw === null ? null : receive(raw)
    },
    take() {
      listening = true
      const link = waiting
      waiting = null
      return link
    },
    detach() {
      listening = false
    },
  }
}
