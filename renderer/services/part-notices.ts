/**
 * Where the server's notices of the parts that load on demand go: each receiver loads with its
 * part's code, on the part's first notice (none of it is in the start-up bundle), and checks the
 * packet itself.
 */
import type { NoticeTopic } from './lobby.ts'

const receivers: Record<NoticeTopic, () => Promise<(payload: Uint8Array) => void>> = {
  community: () => import('../events/notices.ts').then((m) => m.receiveCommunityNotice),
  companies: () => import('../companies/notices.ts').then((m) => m.receiveCompanyNotice),
  board: () => import('../board/notices.ts').then((m) => m.receiveBoardNotice),
  shelf: () => import('../shelf/notices.ts').then((m) => m.receiveShelfNotice),
}

export function receivePartNotice(topic: NoticeTopic, payload: Uint8Array): void {
  void receivers[topic]()
    .then((receive) => receive(payload))
    .catch(() => undefined)
}
