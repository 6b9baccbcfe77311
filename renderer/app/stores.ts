/** Builds one store per domain; the composition root passes them to services and components. */
import { createChatStore } from '../stores/chat/store.ts'
import { createFloorStore } from '../stores/floor/store.ts'
import { createMediaStore } from '../stores/media/store.ts'
import { createNoticeStore } from '../stores/notices/store.ts'
import { createPresenceStore } from '../stores/presence/store.ts'
import { createSessionStore } from '../stores/session/store.ts'
import { createSocialStore } from '../stores/social/store.ts'

export function createStores() {
  return {
    session: createSessionStore(),
    floor: createFloorStore(),
    presence: createPresenceStore(),
    media: createMediaStore(),
    notices: createNoticeStore(),
    social: createSocialStore(),
    chat: createChatStore(),
  }
}
export type Stores = ReturnType<typeof createStores>
