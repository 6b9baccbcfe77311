/**
 * The crowd's own process: connects the simulated members and changes their attributes on request
 * from the benchmark (over the fork IPC channel). A process of its own keeps its CPU and rtc-node's
 * log lines out of the benchmark's process, which also hosts the server.
 */
import { RoomEvent, type Participant } from '@livekit/rtc-node'
import type { CrowdReply, CrowdRequest } from './sim-crowd.ts'
import { createCrowd, type Crowd, type SimMember } from './sim-members.ts'

let crowd: Crowd | null = null
const reply = (m: CrowdReply) => process.send!(m)

/** When `listener` sees a participant's statusText contain `token` (Date.now()), or null after 5 s. */
function hear(listener: SimMember, token: string): Promise<number | null> {
  return new Promise((resolve) => {
    const done = (at: number | null) => {
      clearTimeout(timer)
      listener.room.off(RoomEvent.ParticipantAttributesChanged, onChange)
      resolve(at)
    }
    const onChange = (_changed: Record<string, string>, p: Participant) => {
      if (p.attributes.statusText?.includes(token)) done(Date.now())
    }
    const timer = setTimeout(() => done(null), 5_000)
    listener.room.on(RoomEvent.ParticipantAttributesChanged, onChange)
  })
}

async function handle(m: CrowdRequest): Promise<void> {
  if (m.type === 'join') {
    crowd ??= createCrowd(m.livekit, m.workspaceId)
    reply({ type: 'joined', id: m.id, ...(await crowd.join(m.specs, m.concurrency, m.deadlineMs)) })
  } else if (m.type === 'set') {
    const member = crowd?.members[m.index]
    if (!member) {
      reply({ type: 'sent', id: m.id, sentAt: 0, heardAt: null, error: `no member ${m.index}` })
      return
    }
    const listener = m.heardBy === undefined ? undefined : crowd?.members[m.heardBy]
    const heard = listener && m.attributes.statusText ? hear(listener, m.attributes.statusText) : Promise.resolve(null)
    const sentAt = Date.now()
    try {
      await member.room.localParticipant!.setAttributes({ ...m.attributes })
      reply({ type: 'sent', id: m.id, sentAt, heardAt: await heard, error: null })
    } catch (err) {
      reply({ type: 'sent', id: m.id, sentAt, heardAt: null, error: (err as Error).message })
    }
  } else if (m.type === 'cpu') {
    const u = process.cpuUsage()
    reply({ type: 'cpu', id: m.id, seconds: (u.user + u.system) / 1e6 })
  } else if (m.type === 'leave') {
    await crowd?.leave()
    process.exit(0)
  }
}

process.on('message', (m: CrowdRequest) => void handle(m))
// The benchmark went away without saying goodbye: leave the lobby anyway, then go.
process.on('disconnect', () => void (crowd?.leave() ?? Promise.resolve()).finally(() => process.exit(0)))
