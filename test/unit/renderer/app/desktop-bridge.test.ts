import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { DeepLink, TrayState } from '../../../../protocol/desktop-ipc.ts'
import type { HostEvent } from '../../../../protocol/ipc.ts'
import { LINK_WAIT_MS, startDesktopBridge, type DesktopBridgeDeps } from '../../../../renderer/app/desktop-bridge.ts'
import { createStores, type Stores } from '../../../../renderer/app/stores.ts'
import type { Platform, PlatformDesktop } from '../../../../renderer/platform/platform.ts'
import { floor, member, workspace } from '../../main/fixtures.ts'

/**
 * The bridge with real stores and a host that records what it is told; the office's actions are
 * recorded too (walking, calls and chat have their own tests): this checks which host event leads
 * to which action, and what the tray is told.
 */
function setup(opts: { link?: DeepLink | null; persistent?: boolean } = {}) {
  const stores = createStores()
  const listeners = new Map<string, Set<(...a: unknown[]) => void>>()
  const trays: TrayState[] = []
  const did: unknown[][] = []
  const host: PlatformDesktop = {
    setTray: async (s) => void trays.push(s),
    notice: async () => true,
    takeDeepLink: async () => opts.link ?? null,
    credentialProtection: async () => (opts.persistent === false ? { persistent: false, reason: 'Your sign-in is kept only until you quit' } : { persistent: true, reason: null }),
    autostart: { get: async () => false, set: async (on) => on },
    muteShortcut: { get: async () => ({ accelerator: null, registered: false, error: null }), set: async () => ({ accelerator: null, registered: false, error: null }) },
    updates: { state: async () => ({ phase: 'disabled', version: null, percent: null, error: null }), restart: async () => {} },
  }
  const platform = {
    desktop: async () => host,
    on: (event: string, l: (...a: unknown[]) => void) => {
      const set = listeners.get(event) ?? new Set()
      set.add(l)
      listeners.set(event, set)
      return () => set.delete(l)
    },
  } as unknown as Platform
  const record = (name: string) => (...args: unknown[]) => void did.push([name, ...args])
  const office = {
    walking: { goToRoom: record('goToRoom'), goToPerson: record('goToPerson'), goToDesk: record('goToDesk') },
    status: { set: record('status') },
    social: { answerKnock: record('answerKnock'), join: record('join') },
    chat: { send: async (...a: unknown[]) => (record('send')(...a), 'client-1'), open: async (...a: unknown[]) => record('open')(...a) },
    media: () => null,
  } as unknown as DesktopBridgeDeps['office']
  const emit = (event: HostEvent, ...args: unknown[]) => listeners.get(event)?.forEach((l) => l(...args))
  return { stores, trays, did, emit, start: () => startDesktopBridge({ platform, stores, office }) }
}

const signIn = (stores: Stores) => {
  stores.floor.getState().setFloors([floor(1, { id: 'floor_2', rooms: [] }), floor(1)])
  stores.floor.getState().setMembers([member('mem_ana'), member('mem_bo'), member('mem_cy')])
  stores.session.getState().signedIn({ token: 't', workspace, me: member('mem_ana') })
}
const link = (target: DeepLink['target'], id: string, workspaceId = workspace.id): DeepLink => ({ host: 'office.example.com', workspaceId, target, id })

let stop: () => void = () => {}
beforeEach(() => vi.useFakeTimers())
afterEach(() => {
  stop()
  vi.useRealTimers()
})

describe('desktop bridge', () => {
  it('tells the tray the status, mute, room and unread count, and only when they change', async () => {
    const { stores, trays, start } = setup()
    stop = await start()
    signIn(stores)
    stores.presence.getState().setSelf({ status: 'busy', statusText: 'Writing', room: 'room_lounge' })
    stores.media.getState().setDevices({ micOn: false })
    stores.presence.getState().setSelf({ x: 5 })
    expect(trays.at(-1)).toEqual({ signedIn: true, status: 'busy', statusText: 'Writing', muted: true, inRoom: true, unread: 0 })
    expect(new Set(trays.map((t) => JSON.stringify(t))).size).toBe(trays.length)
  })

  it('turns the tray items and the global shortcut into office actions', async () => {
    const { stores, did, emit, start } = setup()
    stop = await start()
    stores.presence.getState().setSelf({ statusText: 'Lunch' })
    emit('tray:statusChosen', 'dnd')
    emit('tray:deskRequested')
    expect(did).toEqual([['status', 'dnd', 'Lunch'], ['goToDesk']])
    emit('media:toggle-mute')
    expect(stores.media.getState().micOn).toBe(false)
    emit('media:toggle-mute')
    expect(stores.media.getState().micOn).toBe(true)
  })

  it('walks (muted) into the room of the link the app was opened with, once the office is there', async () => {
    const { stores, did, start } = setup({ link: link('room', 'room_lounge') })
    stop = await start()
    await vi.advanceTimersByTimeAsync(0)
    expect(did).toEqual([])
    signIn(stores)
    expect(did).toEqual([['goToRoom', 'room_lounge', { requested: true }]])
    expect(stores.floor.getState().floorId).toBe('floor_main')
  })

  it('walks to a person once they are in the office, or says they are not', async () => {
    const { stores, did, emit, start } = setup()
    stop = await start()
    signIn(stores)
    emit('deeplink:opened', link('member', 'mem_bo'))
    expect(did).toEqual([])
    stores.presence.getState().upsertPeer({ id: 'mem_bo', status: 'available', statusText: '', statusUntil: 0, floor: 'floor_main', x: 1, y: 2 })
    expect(did).toEqual([['goToPerson', 'mem_bo']])
    emit('deeplink:opened', link('member', 'mem_cy'))
    await vi.advanceTimersByTimeAsync(LINK_WAIT_MS + 1_000)
    expect(stores.notices.getState().notices.map((n) => n.text)).toContain('cy is not in the office right now')
  })

  it('refuses a link to another workspace, or to a room that is gone, with a word', async () => {
    const { stores, did, emit, start } = setup()
    stop = await start()
    signIn(stores)
    emit('deeplink:opened', link('room', 'room_lounge', 'ws_other'))
    emit('deeplink:opened', link('room', 'room_gone'))
    expect(did).toEqual([])
    expect(stores.notices.getState().notices.map((n) => n.text)).toEqual(['That link is for another workspace', 'That room is not in this office any more'])
  })

  it('acts on notification buttons: Admit, Join, Reply, and a click on a mention opens it', async () => {
    const { did, emit, start } = setup()
    stop = await start()
    emit('notify:acted', 'knock:3', 'admit', '')
    emit('notify:acted', 'wave:4', 'join', '')
    emit('notify:acted', 'mention:conv_1/msg_9', 'reply', ' on it ')
    emit('notify:acted', 'mention:conv_1/msg_9', 'open', '')
    emit('notify:acted', 'starred:mem_bo', 'open', '')
    emit('notify:acted', 'knock:5', 'open', '')
    await vi.advanceTimersByTimeAsync(0)
    expect(did).toEqual([['answerKnock', 3, true], ['join', 4], ['send', 'conv_1', 'on it'], ['open', 'conv_1'], ['goToPerson', 'mem_bo']])
  })

  it('says once per sign-in that the sign-in is not kept on a machine without a keyring', async () => {
    const { stores, start } = setup({ persistent: false })
    stop = await start()
    signIn(stores)
    stores.session.getState().setMe(member('mem_ana', { name: 'Ana' }))
    await vi.advanceTimersByTimeAsync(0)
    expect(stores.notices.getState().notices.map((n) => n.text)).toEqual(['Your sign-in is kept only until you quit'])
  })
})
