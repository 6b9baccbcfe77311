/**
 * Starts the chat service in a window: its dependencies from the platform, the stores and the
 * document (focus, title). Loaded with the chat (lazy.ts), never at start-up.
 */
import type { Stores } from '../../app/stores.ts'
import { showNotice } from '../../platform/notice.ts'
import type { Platform } from '../../platform/platform.ts'
import { memberName } from '../../chat/names.ts'
import { SHOW_CHAT_EVENT } from '../../chat/show.ts'
import { createChatApi } from './chat-api.ts'
import { createChatService, type RunningChat } from './service.ts'

/** "(3) Virtual Office": the title without a count, whatever the page called itself. */
const baseTitle = () => document.title.replace(/^\(\d+\) /, '')

export async function startChat(platform: Platform, stores: Stores): Promise<RunningChat> {
  const { serverUrl } = await platform.config()
  const { workspace, me } = stores.session.getState()
  if (!workspace || !me) throw new Error('not signed in')
  const chat = createChatService({
    store: stores.chat,
    cache: platform.chatCache,
    api: createChatApi(serverUrl, workspace.id, () => stores.session.getState().token),
    workspaceId: workspace.id,
    meId: me.id,
    status: () => stores.presence.getState().self.status,
    nameOf: (id) => memberName(stores.floor.getState().members, id),
    notify: (plain, desktop) => showNotice(platform, plain, desktop),
    onNotificationClick: (listener) => platform.on('notify:clicked', listener),
    reveal: () => void window.dispatchEvent(new Event(SHOW_CHAT_EVENT)),
    focused: () => document.hasFocus(),
    onFocus(listener) {
      const on = () => listener(true)
      const off = () => listener(false)
      window.addEventListener('focus', on)
      window.addEventListener('blur', off)
      return () => {
        window.removeEventListener('focus', on)
        window.removeEventListener('blur', off)
      }
    },
    setUnread(total) {
      document.title = total > 0 ? `(${total}) ${baseTitle()}` : baseTitle()
    },
  })
  await chat.boot()
  return chat
}
