/**
 * How conversations and people are named in the chat: `#name` for a channel, the room's name for a
 * room chat, the other people for a DM; and the accessible text of unread badges.
 */
import type { ConversationSummary } from '../../protocol/chat.ts'
import type { Member } from '../../protocol/api.ts'
import { shownName } from '../stores/presence/selectors.ts'

type Directory = Readonly<Record<string, Pick<Member, 'name' | 'role'>>>

export const memberName = (members: Directory, id: string): string => {
  const m = members[id]
  return m ? shownName(m) : 'Someone'
}

export function conversationName(c: Pick<ConversationSummary, 'kind' | 'name' | 'members'>, members: Directory, me: string | null): string {
  if (c.kind === 'channel') return `#${c.name}`
  if (c.kind === 'room') return c.name || 'Room'
  const others = c.members.filter((id) => id !== me)
  if (others.length === 0) return `${memberName(members, me ?? '')} (you)`
  return others
    .map((id) => memberName(members, id))
    .sort((a, b) => a.localeCompare(b))
    .join(', ')
}

/** What a screen reader hears after the name: "3 unread, 1 mention" (nothing when all is read). */
export function unreadText(c: Pick<ConversationSummary, 'unread' | 'mentions'>): string {
  if (c.unread === 0) return ''
  const mentions = c.mentions > 0 ? `, ${c.mentions} ${c.mentions === 1 ? 'mention' : 'mentions'}` : ''
  return `${c.unread} unread${mentions}`
}

export const kindLabel = { channel: 'Channels', room: 'Room chats', dm: 'Direct messages' } as const

const time = new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit' })
const day = new Intl.DateTimeFormat(undefined, { weekday: 'short', month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit' })

/** A message's time: the hour today, the day before that. */
export function messageTime(at: number, now = Date.now()): string {
  return new Date(at).toDateString() === new Date(now).toDateString() ? time.format(at) : day.format(at)
}

export function fileSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} kB`
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`
}
