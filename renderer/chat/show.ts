/**
 * Asks the office screen to show the Chat region (from the quick finder, a room's actions or the
 * call): a window event, so that the screen's start-up code needs nothing of the chat to hear it.
 */
export const SHOW_CHAT_EVENT = 'office:show-chat'

export const showChat = (): void => void window.dispatchEvent(new Event(SHOW_CHAT_EVENT))
