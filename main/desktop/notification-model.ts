/**
 * Which OS notification a notice becomes, if any: a knock (Admit), a wave (Join), a mention
 * (Reply), a starred teammate arriving, an event reminder (Join). None while the member is on
 * do-not-disturb, and at most `limit` per sender in `windowMs` (main's own guard: a flood that
 * got past the renderer's throttle still cannot fill the OS notification centre).
 */
import type { DesktopNotice, NoticeAction } from '../../protocol/desktop-ipc.ts'
import { PEER_PROMPT_LIMIT, PEER_PROMPT_WINDOW_MS, type Status } from '../../protocol/presence.ts'

export interface NoticeButton {
  action: Exclude<NoticeAction, 'open'>
  label: string
}

export interface OsNotice {
  /** `kind:ref`, echoed with every click or action so the renderer knows where to go. */
  id: string
  title: string
  body: string
  silent: boolean
  /** Buttons where the OS has them (macOS, Windows); elsewhere a click is the only action. */
  buttons: NoticeButton[]
  /** A text field for an inline reply (macOS); its text comes back with the 'reply' action. */
  reply: boolean
}

export interface NoticeModel {
  decide(notice: DesktopNotice, status: Status): OsNotice | null
}

const cut = (s: string, max: number) => (s.length > max ? `${s.slice(0, max - 1)}…` : s)

function shape(n: DesktopNotice): Omit<OsNotice, 'id' | 'silent'> {
  const name = n.fromName.trim() || 'Someone'
  switch (n.kind) {
    case 'knock':
      return { title: `${name} is knocking`, body: `on ${n.place || 'your room'}`, buttons: [{ action: 'admit', label: 'Admit' }], reply: false }
    case 'wave':
      return { title: `${name} waves at you`, body: n.place ? `Join them in ${n.place}` : 'Join them for a chat', buttons: [{ action: 'join', label: 'Join' }], reply: false }
    case 'mention':
      return { title: `${name} mentioned you${n.place ? ` in ${n.place}` : ''}`, body: n.text, buttons: [{ action: 'reply', label: 'Reply' }], reply: true }
    case 'starred':
      return { title: `${name} is available`, body: n.place ? `In ${n.place}` : 'They just came online', buttons: [], reply: false }
    case 'reminder':
      return { title: `Starting soon: ${name}`, body: [n.text, n.place ? `in ${n.place}` : ''].filter(Boolean).join(' '), buttons: n.place ? [{ action: 'join', label: 'Join' }] : [], reply: false }
  }
}

export function createNoticeModel(opts: { limit?: number; windowMs?: number; now?: () => number } = {}): NoticeModel {
  const { limit = PEER_PROMPT_LIMIT, windowMs = PEER_PROMPT_WINDOW_MS, now = Date.now } = opts
  const recent = new Map<string, number[]>()
  const allow = (from: string): boolean => {
    const t = now()
    const times = (recent.get(from) ?? []).filter((at) => t - at < windowMs)
    if (times.length >= limit) return false
    recent.set(from, [...times, t])
    return true
  }
  return {
    decide(notice, status) {
      // Do-not-disturb silences every kind, and is checked first so it spends no sender's budget.
      if (status === 'dnd' || !allow(notice.from)) return null
      const s = shape(notice)
      return { id: `${notice.kind}:${notice.ref}`, title: cut(s.title, 200), body: cut(s.body, 1000), silent: false, buttons: s.buttons, reply: s.reply }
    },
  }
}
