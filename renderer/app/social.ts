/**
 * Reaching people: knocking on a room (an RPC to the people the server says are inside, or its
 * owner), waving at a member (an RPC they see as a notification with "Join"), and stars ("tell me
 * when they are available"). Incoming requests become prompts, at most PEER_PROMPT_LIMIT a minute
 * from any one peer; notifications are silenced by do-not-disturb. A peer's request never moves
 * this member anywhere by itself: only `meet`, as the answer to this member's own recent wave.
 */
import {
  KNOCK_TIMEOUT_MS, PEER_PROMPT_LIMIT, PEER_PROMPT_WINDOW_MS, rpcMethods, WAVE_ANSWER_MS, type KnockAnswer, type KnockRequest, type MeetRequest, type WaveRequest,
} from '../../protocol/presence.ts'
import type { DesktopNotice } from '../../protocol/desktop-ipc.ts'
import { showNotice } from '../platform/notice.ts'
import type { Platform } from '../platform/platform.ts'
import type { Api } from '../services/api.ts'
import type { Lobby } from '../services/lobby.ts'
import { currentFloor } from '../stores/floor/selectors.ts'
import { displayName, occupancyCounts, othersIn, roomOf } from '../stores/presence/selectors.ts'
import { createPeerThrottle } from '../stores/social/throttle.ts'
import type { Stores } from './stores.ts'
import type { Walking } from './walking.ts'

export interface SocialDeps {
  stores: Stores
  platform: Platform
  walking: Walking
  api(): Api | null
  lobby(): Lobby | null
}

export interface Social {
  /** Wires the RPC handlers onto a (new) lobby connection. */
  attach(lobby: Lobby): void
  knock(roomId: string): Promise<void>
  answerKnock(promptId: number, admit: boolean): void
  wave(memberId: string): Promise<void>
  join(promptId: number): void
  dismiss(promptId: number): void
  toggleStar(memberId: string): Promise<void>
  loadStars(): Promise<void>
}

/** Stars are each member's own: kept per member, so the next one signed in here sees none of them. */
const starsKey = (memberId: string) => `stars:${memberId}`
/** Admissions granted by the server last 10 minutes; the client lets itself through a little less. */
const ADMITTED_MS = 9 * 60_000
const DECLINED = JSON.stringify({ answer: 'declined' } satisfies KnockAnswer)

/** Whether a knock's answer says "admitted"; anything else, malformed included, is a no. */
const admittedBy = (answer: string) => {
  try {
    return (JSON.parse(answer) as Partial<KnockAnswer> | null)?.answer === 'admitted'
  } catch {
    return false
  }
}

export function createSocial(deps: SocialDeps): Social {
  const { session, presence, floor, social, notices } = deps.stores
  const knockAnswers = new Map<number, (admit: boolean) => void>()
  /** Whom this member waved at, and when: their `meet` is taken as the answer for WAVE_ANSWER_MS. */
  const waved = new Map<string, number>()
  const prompts = createPeerThrottle(PEER_PROMPT_LIMIT, PEER_PROMPT_WINDOW_MS)
  const me = () => session.getState().me?.id ?? null
  const nameOf = (id: string) => displayName(floor.getState().members, id)
  const roomById = (id: string | null) => (id ? (currentFloor(floor.getState())?.rooms.find((r) => r.id === id) ?? null) : null)
  const roomName = (id: string | null) => (id ? (roomById(id)?.name ?? 'a room') : null)
  const quiet = () => presence.getState().self.status === 'dnd'
  const ignored = (what: string, from: string) => deps.lobby()?.rejections.note(what, from)

  const notify = (id: string, title: string, body: string, notice: Omit<DesktopNotice, 'fromName' | 'text'>) => {
    if (quiet()) return
    showNotice(deps.platform, { id, title, body, silent: false }, { ...notice, fromName: nameOf(notice.from).slice(0, 80), text: '' })
  }

  /** Who can open the door: the people the server says are inside and online, else the owner of a private office. */
  const insidersOf = (roomId: string): string[] => {
    const { peers } = presence.getState()
    const online = othersIn(presence.getState(), roomId, me()).filter((id) => peers[id])
    if (online.length) return online
    const owner = roomById(roomId)?.ownerId
    return owner && owner !== me() && peers[owner] ? [owner] : []
  }

  /** The nearest meeting room nobody is in, for two people who meet from their desks. */
  const freeMeetingRoom = (): string | null => {
    const f = currentFloor(floor.getState())
    const busy = occupancyCounts(presence.getState(), me())
    const { self } = presence.getState()
    const free = (f?.rooms ?? []).filter((r) => r.kind === 'meeting' && !r.locked && !busy.has(r.id))
    free.sort((a, b) => Math.hypot(a.x + a.width / 2 - self.x, a.y + a.height / 2 - self.y) - Math.hypot(b.x + b.width / 2 - self.x, b.y + b.height / 2 - self.y))
    return free[0]?.id ?? null
  }

  /** The rooms this member may open to a knock: the one they are in, and private offices they own. */
  const mayAnswerKnockOn = (roomId: string) => presence.getState().self.room === roomId || (me() !== null && roomById(roomId)?.ownerId === me())

  const onKnock = async (from: string, { roomId }: KnockRequest): Promise<string> => {
    if (!mayAnswerKnockOn(roomId)) return (ignored('knock on a room not ours', from), DECLINED)
    if (!prompts.allow(from)) return (ignored('knock over the limit', from), DECLINED)
    const promptId = social.getState().addPrompt({ kind: 'knock', from, fromName: nameOf(from), roomId })
    notify(`knock:${promptId}`, `${nameOf(from)} is knocking`, `on ${roomName(roomId) ?? 'your room'}`, { kind: 'knock', from, place: roomName(roomId) ?? '', ref: String(promptId) })
    const admit = await new Promise<boolean>((resolve) => {
      knockAnswers.set(promptId, resolve)
      setTimeout(() => resolve(false), KNOCK_TIMEOUT_MS - 2_000)
    })
    knockAnswers.delete(promptId)
    social.getState().removePrompt(promptId)
    if (admit) await deps.api()?.admit(session.getState().workspace!.id, roomId, from)
    return JSON.stringify({ answer: admit ? 'admitted' : 'declined' } satisfies KnockAnswer)
  }

  const onWave = async (from: string, _request: WaveRequest): Promise<string> => {
    if (!prompts.allow(from)) return (ignored('wave over the limit', from), '{}')
    // Where they are is the server's word, read again when the wave is answered.
    const where = roomName(roomOf(presence.getState(), from, me()))
    const id = social.getState().addPrompt({ kind: 'wave', from, fromName: nameOf(from) })
    notify(`wave:${id}`, `${nameOf(from)} waves at you`, where ? `Join them in ${where}` : 'Join them for a chat', { kind: 'wave', from, place: where ?? '', ref: String(id) })
    return '{}'
  }

  /** "Meet me in this room": only the answer to this member's own wave at `from`, once, within a minute. */
  const onMeet = async (from: string, { roomId }: MeetRequest): Promise<string> => {
    const at = waved.get(from)
    if (at === undefined || Date.now() - at > WAVE_ANSWER_MS) return (ignored('meet without a wave', from), '{}')
    waved.delete(from)
    // Pulled into a room by the answer to a wave: the call starts muted.
    deps.walking.goToRoom(roomId, { requested: true })
    return '{}'
  }

  const join = (promptId: number) => {
    const prompt = social.getState().prompts.find((p) => p.id === promptId)
    social.getState().removePrompt(promptId)
    if (!prompt || prompt.kind !== 'wave') return
    // Joining at someone else's wave: the call starts muted.
    const theirs = roomOf(presence.getState(), prompt.from, me())
    if (theirs) return deps.walking.goToRoom(theirs, { requested: true })
    const room = freeMeetingRoom()
    if (!room) return notices.getState().push('There is no free meeting room right now')
    deps.walking.goToRoom(room, { requested: true })
    const request: MeetRequest = { roomId: room }
    deps.lobby()?.call(prompt.from, rpcMethods.meet, JSON.stringify(request)).catch(() => undefined)
  }

  deps.platform.on('notify:clicked', (id) => {
    const [kind, raw] = id.split(':')
    if (kind === 'wave') join(Number(raw))
  })

  // Stars: a starred member coming online or becoming available is worth a notification (throttled too).
  presence.subscribe((state, previous) => {
    if (state.peers === previous.peers) return
    for (const id of social.getState().stars) {
      const now = state.peers[id]
      const before = previous.peers[id]
      if (now?.status !== 'available' || before?.status === 'available') continue
      if (!prompts.allow(id)) {
        ignored('availability over the limit', id)
        continue
      }
      social.getState().addPrompt({ kind: 'available', from: id, fromName: nameOf(id) })
      notify(`available:${id}`, `${nameOf(id)} is available`, before ? 'Their status changed to available' : 'They just came online', { kind: 'starred', from: id, place: '', ref: id })
    }
  })

  return {
    attach(lobby) {
      lobby.handle(rpcMethods.knock, onKnock)
      lobby.handle(rpcMethods.wave, onWave)
      lobby.handle(rpcMethods.meet, onMeet)
    },
    async knock(roomId) {
      const lobby = deps.lobby()
      const insiders = insidersOf(roomId)
      social.getState().setDoor(null)
      if (!lobby || insiders.length === 0) {
        social.getState().setKnock({ roomId, state: 'nobody' })
        notices.getState().push(`Nobody is there to let you into ${roomName(roomId) ?? 'this room'}`)
        return
      }
      social.getState().setKnock({ roomId, state: 'waiting' })
      const request = JSON.stringify({ roomId } satisfies KnockRequest)
      const answers = insiders.map((id) => lobby.call(id, rpcMethods.knock, request, KNOCK_TIMEOUT_MS).then(admittedBy, () => false))
      // The first "admit" wins; everyone saying "not now" (or not answering) is a no.
      const admitted = await new Promise<boolean>((resolve) => {
        let pending = answers.length
        for (const a of answers) void a.then((yes) => (yes ? resolve(true) : --pending === 0 && resolve(false)))
      })
      if (social.getState().knock?.roomId !== roomId) return
      if (!admitted) {
        social.getState().setKnock({ roomId, state: 'declined' })
        notices.getState().push(`Nobody let you into ${roomName(roomId) ?? 'the room'} this time`)
        return
      }
      social.getState().setKnock(null)
      deps.walking.admit(roomId, Date.now() + ADMITTED_MS)
      deps.walking.goToRoom(roomId)
    },
    answerKnock(promptId, admit) {
      knockAnswers.get(promptId)?.(admit)
    },
    async wave(memberId) {
      const lobby = deps.lobby()
      if (!lobby || !presence.getState().peers[memberId]) return notices.getState().push(`${nameOf(memberId)} is not online`)
      waved.set(memberId, Date.now())
      await lobby.call(memberId, rpcMethods.wave, JSON.stringify({} satisfies WaveRequest))
      notices.getState().push(`You waved at ${nameOf(memberId)}`)
    },
    join,
    dismiss: (promptId) => {
      knockAnswers.get(promptId)?.(false)
      social.getState().removePrompt(promptId)
    },
    async toggleStar(memberId) {
      const self = me()
      if (!self) return
      const stars = social.getState().stars
      const next = stars.includes(memberId) ? stars.filter((s) => s !== memberId) : [...stars, memberId]
      social.getState().setStars(next)
      await deps.platform.settings.set(starsKey(self), JSON.stringify(next))
    },
    async loadStars() {
      // Stars were once kept for the machine, not the member: nobody's now.
      void deps.platform.settings.set('stars', null).catch(() => undefined)
      const self = me()
      const raw = self ? await deps.platform.settings.get(starsKey(self)) : null
      // Signed out (or someone else) meanwhile: these are not the stars of whoever is here now.
      if (me() !== self) return
      const parsed: unknown = raw ? JSON.parse(raw) : []
      social.getState().setStars(Array.isArray(parsed) ? parsed.filter((id): id is string => typeof id === 'string') : [])
    },
  }
}
