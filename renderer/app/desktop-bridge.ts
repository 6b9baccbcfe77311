/**
 * The desktop app's host events, turned into office actions, and the office's state reported to
 * the host: the tray's status, mute and unread count; its Status, Mute and "Back to my desk"
 * items; the global mute shortcut; deep links (walk to the room or person); actions on OS
 * notices (Admit, Join, Reply); the credential and update notices. Loaded on demand, in Electron
 * only (the Platform has `desktop`), so none of it weighs on the start-up bundle.
 */
import type { DeepLink, NoticeAction, TrayState } from '../../protocol/desktop-ipc.ts'
import type { Platform, PlatformDesktop } from '../platform/platform.ts'
import { unreadTotal } from '../stores/chat/selectors.ts'
import { displayName } from '../stores/presence/selectors.ts'
import type { Office } from './office.ts'
import type { Stores } from './stores.ts'

export interface DesktopBridgeDeps {
  platform: Platform
  stores: Stores
  office: Pick<Office, 'walking' | 'status' | 'social' | 'chat' | 'media'>
}

/** How long a deep link waits for the office (sign-in, floors, the person arriving) before giving up. */
export const LINK_WAIT_MS = 15_000

export function trayStateOf({ session, presence, media, chat }: Stores): TrayState {
  const { self } = presence.getState()
  return {
    signedIn: session.getState().me !== null,
    status: self.status,
    statusText: self.statusText.slice(0, 200),
    muted: !media.getState().micOn,
    inRoom: self.room !== null,
    unread: Math.min(unreadTotal(chat.getState()), 1_000_000),
  }
}

export async function startDesktopBridge(deps: DesktopBridgeDeps): Promise<() => void> {
  const host = await deps.platform.desktop?.()
  return host ? connect(deps, host) : () => {}
}

function connect({ platform, stores, office }: DesktopBridgeDeps, host: PlatformDesktop): () => void {
  const { session, presence, media, floor, notices } = stores
  const offs: (() => void)[] = []
  const ignore = () => undefined

  // The tray: sent only when one of its parts changed (presence changes many times a second).
  let reported = ''
  const report = () => {
    const state = trayStateOf(stores)
    const key = JSON.stringify(state)
    if (key === reported) return
    reported = key
    void host.setTray(state).catch(ignore)
  }
  for (const store of [session, presence, media, stores.chat] as const) offs.push(store.subscribe(report))
  report()

  const toggleMute = () => {
    const on = media.getState().micOn
    const rooms = office.media()
    if (rooms) void rooms.setMic(!on).catch(ignore)
    else media.getState().setDevices({ micOn: !on })
  }
  offs.push(
    platform.on('media:toggle-mute', toggleMute),
    platform.on('tray:statusChosen', (status) => office.status.set(status, presence.getState().self.statusText)),
    platform.on('tray:deskRequested', () => office.walking.goToDesk()),
  )

  // Deep links: followed once the office can (signed in, floors loaded, the person present), or dropped with a word.
  let pending: { link: DeepLink; until: number } | null = null
  const attempt = (): void => {
    if (!pending) return
    const { link, until } = pending
    const late = Date.now() > until
    const ws = session.getState().workspace
    if (!ws || floor.getState().floors.length === 0) {
      if (late) pending = null
      return
    }
    if (ws.id !== link.workspaceId) {
      pending = null
      return notices.getState().push('That link is for another workspace')
    }
    if (link.target === 'room') {
      pending = null
      const home = floor.getState().floors.find((f) => f.rooms.some((r) => r.id === link.id))
      if (!home) return notices.getState().push('That room is not in this office any more')
      floor.getState().selectFloor(home.id)
      // Someone else wrote the link: walking in at their word starts the call muted, as a wave does.
      return office.walking.goToRoom(link.id, { requested: true })
    }
    if (presence.getState().peers[link.id]) {
      pending = null
      return office.walking.goToPerson(link.id)
    }
    if (late) {
      pending = null
      notices.getState().push(`${displayName(floor.getState().members, link.id)} is not in the office right now`)
    }
  }
  // Nothing may change while a link waits for someone who never comes: check once more at its deadline.
  let deadline: ReturnType<typeof setTimeout> | null = null
  const follow = (link: DeepLink) => {
    pending = { link, until: Date.now() + LINK_WAIT_MS }
    if (deadline) clearTimeout(deadline)
    deadline = setTimeout(attempt, LINK_WAIT_MS + 1)
    attempt()
  }
  for (const store of [session, floor, presence] as const) offs.push(store.subscribe(attempt))
  offs.push(platform.on('deeplink:opened', follow))
  void host.takeDeepLink().then((link) => link && follow(link), ignore)
  offs.push(() => {
    if (deadline) clearTimeout(deadline)
  })

  offs.push(platform.on('notify:acted', (id, action, reply) => acted(id, action, reply)))
  const acted = (id: string, action: NoticeAction, reply: string) => {
    const at = id.indexOf(':')
    const kind = id.slice(0, at)
    const ref = id.slice(at + 1)
    if (kind === 'knock' && action === 'admit') office.social.answerKnock(Number(ref), true)
    else if (kind === 'wave' && (action === 'join' || action === 'open')) office.social.join(Number(ref))
    else if (kind === 'starred') office.walking.goToPerson(ref)
    else if (kind === 'reminder' && action === 'join' && ref) follow({ host: '', workspaceId: session.getState().workspace?.id ?? '', target: 'room', id: ref })
    else if (kind === 'mention') {
      const conversationId = ref.split('/')[0] ?? ''
      if (action === 'reply' && reply.trim()) void office.chat.send(conversationId, reply.trim()).catch(ignore)
      else void office.chat.open(conversationId).catch(ignore)
    }
  }

  // Said once per sign-in: "Keep me signed in" cannot keep anything on a machine without a keyring.
  let told = false
  offs.push(
    session.subscribe((s) => {
      if (s.me === null) told = false
      if (s.me === null || told) return
      told = true
      void host.credentialProtection().then((p) => !p.persistent && p.reason && notices.getState().push(p.reason), ignore)
    }),
    platform.on('update:changed', (u) => {
      if (u.phase === 'ready') notices.getState().push(`Version ${u.version ?? ''} is ready: it installs when you quit, or now with "Restart to update" in the tray`)
    }),
  )
  return () => offs.forEach((off) => off())
}
