/**
 * Reaching people: knocking on a room (an RPC to the people inside, or its owner), waving at a
 * member (an RPC they see as a notification with "Join"), and stars ("tell me when they are
 * available"). Incoming requests become prompts; notifications are silenced by do-not-disturb.
 */
import { KNOCK_TIMEOUT_MS, rpcMethods, type KnockAnswer, type KnockRequest, type MeetRequest, type WaveRequest } from '../../protocol/presence.ts'
import type { Platform } from '../platform/platform.ts'
import type { Api } from '../services/api.ts'
import type { Lobby } from '../services/lobby.ts'
import { currentFloor } from '../stores/floor/selectors.ts'
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

const STARS_KEY = 'stars'
/** Admissions granted by the server last 10 minutes; the client lets itself through a little less. */
const ADMITTED_MS = 9 * 60_000

export function createSocial(deps: SocialDeps): Social {
  const { session, presence, floor, social, notices } = deps.stores
  const knockAnswers = new Map<number, (admit: boolean) => void>()
  const nameOf = (id: string) => presence.getState().peers[id]?.name ?? floor.getState().members[id]?.name ?? 'Someone'
  const roomName = (id: string | null) => (id ? (currentFloor(floor.getState())?.rooms.find((r) => r.id === id)?.name ?? 'a room') : null)
  const quiet = () => presence.getState().self.status === 'dnd'

  const notify = (id: string, title: string, body: string) => {
    if (quiet()) return
    void deps.platform.notify({ id, title, body, silent: false }).catch(() => undefined)
  }

  const insidersOf = (roomId: string): string[] => {
    const me = session.getState().me?.id
    const { occupancy, peers } = presence.getState()
    const inside = new Set([...(occupancy[roomId] ?? []), ...Object.values(peers).filter((p) => p.room === roomId).map((p) => p.id)])
    if (me) inside.delete(me)
    const online = [...inside].filter((id) => peers[id])
    if (online.length) return online
    // Nobody inside: the owner of a private office may still let you in from their desk.
    const owner = currentFloor(floor.getState())?.rooms.find((r) => r.id === roomId)?.ownerId
    return owner && owner !== me && peers[owner] ? [owner] : []
  }

  /** The nearest meeting room nobody is in, for two people who meet from their desks. */
  const freeMeetingRoom = (): string | null => {
    const f = currentFloor(floor.getState())
    const { occupancy, peers, self } = presence.getState()
    const busy = new Set([...Object.keys(occupancy), ...Object.values(peers).map((p) => p.room)])
    const free = (f?.rooms ?? []).filter((r) => r.kind === 'meeting' && !r.locked && !busy.has(r.id))
    free.sort((a, b) => Math.hypot(a.x + a.width / 2 - self.x, a.y + a.height / 2 - self.y) - Math.hypot(b.x + b.width / 2 - self.x, b.y + b.height / 2 - self.y))
    return free[0]?.id ?? null
  }

  const promptFromWave = (from: string, roomId: string | null) => {
    const id = social.getState().addPrompt({ kind: 'wave', from, fromName: nameOf(from), roomId })
    const where = roomName(roomId)
    notify(`wave:${id}`, `${nameOf(from)} waves at you`, where ? `Join them in ${where}` : 'Join them for a chat')
    return id
  }

  const join = (promptId: number) => {
    const prompt = social.getState().prompts.find((p) => p.id === promptId)
    social.getState().removePrompt(promptId)
    if (!prompt || prompt.kind !== 'wave') return
    if (prompt.roomId) return deps.walking.goToRoom(prompt.roomId)
    const room = freeMeetingRoom()
    if (!room) return notices.getState().push('There is no free meeting room right now')
    deps.walking.goToRoom(room)
    const request: MeetRequest = { roomId: room }
    deps.lobby()?.call(prompt.from, rpcMethods.meet, JSON.stringify(request)).catch(() => undefined)
  }

  deps.platform.on('notify:clicked', (id) => {
    const [kind, raw] = id.split(':')
    if (kind === 'wave') join(Number(raw))
  })

  // Stars: a starred member coming online or becoming available is worth a notification.
  presence.subscribe((state, previous) => {
    if (state.peers === previous.peers) return
    for (const id of social.getState().stars) {
      const now = state.peers[id]
      const before = previous.peers[id]
      if (now?.status === 'available' && before?.status !== 'available') {
        social.getState().addPrompt({ kind: 'available', from: id, fromName: now.name })
        notify(`available:${id}`, `${now.name} is available`, before ? 'Their status changed to available' : 'They just came online')
      }
    }
  })

  return {
    attach(lobby) {
      lobby.handle(rpcMethods.knock, async (from, payload) => {
        const { roomId } = JSON.parse(payload) as KnockRequest
        const promptId = social.getState().addPrompt({ kind: 'knock', from, fromName: nameOf(from), roomId })
        notify(`knock:${promptId}`, `${nameOf(from)} is knocking`, `on ${roomName(roomId) ?? 'your room'}`)
        const admit = await new Promise<boolean>((resolve) => {
          knockAnswers.set(promptId, resolve)
          setTimeout(() => resolve(false), KNOCK_TIMEOUT_MS - 2_000)
        })
        knockAnswers.delete(promptId)
        social.getState().removePrompt(promptId)
        if (admit) await deps.api()?.admit(session.getState().workspace!.id, roomId, from)
        return JSON.stringify({ answer: admit ? 'admitted' : 'declined' } satisfies KnockAnswer)
      })
      lobby.handle(rpcMethods.wave, async (from, payload) => {
        promptFromWave(from, (JSON.parse(payload) as WaveRequest).roomId)
        return '{}'
      })
      lobby.handle(rpcMethods.meet, async (_from, payload) => {
        deps.walking.goToRoom((JSON.parse(payload) as MeetRequest).roomId)
        return '{}'
      })
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
      const answers = insiders.map((id) =>
        lobby.call(id, rpcMethods.knock, request, KNOCK_TIMEOUT_MS).then((r) => (JSON.parse(r) as KnockAnswer).answer, () => 'declined' as const),
      )
      // The first "admit" wins; everyone saying "not now" (or not answering) is a no.
      const admitted = await new Promise<boolean>((resolve) => {
        let pending = answers.length
        for (const a of answers) void a.then((answer) => (answer === 'admitted' ? resolve(true) : --pending === 0 && resolve(false)))
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
      const request: WaveRequest = { roomId: presence.getState().self.room }
      await lobby.call(memberId, rpcMethods.wave, JSON.stringify(request))
      notices.getState().push(`You waved at ${nameOf(memberId)}`)
    },
    join,
    dismiss: (promptId) => {
      knockAnswers.get(promptId)?.(false)
      social.getState().removePrompt(promptId)
    },
    async toggleStar(memberId) {
      const stars = social.getState().stars
      const next = stars.includes(memberId) ? stars.filter((s) => s !== memberId) : [...stars, memberId]
      social.getState().setStars(next)
      await deps.platform.settings.set(STARS_KEY, JSON.stringify(next))
    },
    async loadStars() {
      const raw = await deps.platform.settings.get(STARS_KEY)
      const parsed: unknown = raw ? JSON.parse(raw) : []
      social.getState().setStars(Array.isArray(parsed) ? parsed.filter((id): id is string => typeof id === 'string') : [])
    },
  }
}
