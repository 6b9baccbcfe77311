/**
 * "100 listeners hold": one speaker on a stage, 100 listeners (rtc-node participants with audience
 * tokens from the real server, in PROCESSES child processes) subscribed to their microphone, held
 * for HOLD_S seconds. Prints how many joined and stayed subscribed, join → subscribed p50/p95
 * against the speaker's own join in the same run, the audible frames (the speaker's tone, not
 * silence) a sample of listeners received against the frames the speaker sent meanwhile, and the
 * CPU of livekit-server and of the listeners' processes while holding.
 */
import { AudioFrame, AudioSource, LocalAudioTrack, Room, TrackPublishOptions, TrackSource } from '@livekit/rtc-node'
import { fork, type ChildProcess } from 'node:child_process'
import { join } from 'node:path'
import type { RoomToken, SignedIn } from '../../protocol/api.ts'
import { addMember, createWorkspace, editFloor, roomRecord } from '../support/factories.ts'
import { httpClient, type HttpClient } from '../support/http.ts'
import { startLivekit } from '../support/livekit.ts'
import { startServer } from '../support/server.ts'
import { cpuBetween, formatCpu, sampleCpu } from './cpu-use.ts'
import { ms, summary, type Benchmark, type Row } from './harness.ts'
import type { ListenersReply, ListenersRequest } from './stage-listeners-child.ts'

/** STAGE_LISTENERS overrides it, to find where a machine stops holding. */
const LISTENERS = Number(process.env.STAGE_LISTENERS ?? 100)
const PROCESSES = 4
const HOLD_S = 20
/** Listeners a process joins at once: LiveKit sees a crowd arrive, not a stampede. */
const WAVE = 5
/** Listeners per process whose received audio is decoded and counted. */
const SAMPLED = 1
const RATE = 48_000
const FRAME_MS = 10

const tokenOf = async (http: HttpClient, who: SignedIn) => {
  const res = await http.post<RoomToken>(`/api/workspaces/${who.workspace.id}/rooms/room_stage/token`, undefined, who.session.token)
  if (res.status !== 200) throw new Error(`stage token: ${res.status} ${JSON.stringify(res.body)}`)
  return res.body
}

/** Feeds a 440 Hz tone into `source` in real time until `stop()`; counts the frames sent. */
function speak(source: AudioSource, stop: () => boolean): { sent(): number; done: Promise<void> } {
  const samples = (RATE * FRAME_MS) / 1000
  let sent = 0
  const done = (async () => {
    const started = performance.now()
    while (!stop()) {
      const data = new Int16Array(samples)
      for (let i = 0; i < samples; i++) data[i] = Math.round(8_000 * Math.sin((2 * Math.PI * 440 * (sent * samples + i)) / RATE))
      await source.captureFrame(new AudioFrame(data, RATE, 1, samples))
      sent++
      const ahead = started + sent * FRAME_MS - performance.now()
      if (ahead > 0) await new Promise((resolve) => setTimeout(resolve, ahead))
    }
  })()
  return { sent: () => sent, done }
}

/** A listeners' process: `ask` sends a request and resolves with its reply. */
function listenersProcess(): { child: ChildProcess; ask<T extends ListenersReply['type']>(m: ListenersRequest, type: T): Promise<Extract<ListenersReply, { type: T }>> } {
  // rtc-node's debug lines (stdout) stay out of the table; errors show.
  const child = fork(join(import.meta.dirname, 'stage-listeners-child.ts'), [], { execArgv: ['--disable-warning=ExperimentalWarning'], stdio: ['ignore', 'ignore', 'inherit', 'ipc'] })
  child.on('error', () => {}) // a send after the child is gone: the request is refused below
  let gone: Error | null = null
  child.once('exit', (code) => (gone = new Error(`a listeners' process exited (${code})`)))
  return {
    child,
    ask: (m, type) =>
      new Promise((resolve, reject) => {
        if (gone) return reject(gone)
        const onMessage = (r: ListenersReply) => r.type === type && (child.off('exit', onExit), child.off('message', onMessage), resolve(r as never))
        const onExit = () => reject(gone)
        child.on('message', onMessage)
        child.once('exit', onExit)
        child.send(m)
      }),
  }
}

export const stageListeners: Benchmark = {
  name: 'stage listeners',
  async run() {
    const livekit = await startLivekit()
    const server = await startServer({ livekit })
    const processes = Array.from({ length: PROCESSES }, listenersProcess)
    let speaker: Room | null = null
    let stopped = false
    try {
      const http = httpClient(server.url)
      const owner = await createWorkspace(http, 'Stage bench')
      await editFloor(http, owner, [{ op: 'room.add', room: roomRecord('room_stage', { name: 'Stage', kind: 'stage', capacity: LISTENERS + 10 }) }])
      const tokens: { url: string; token: string }[] = []
      for (let i = 0; i < LISTENERS; i++) tokens.push(await tokenOf(http, await addMember(http, owner)))

      const room = (speaker = new Room())
      const joinStart = performance.now()
      const own = await tokenOf(http, owner)
      await room.connect(own.url, own.token, { autoSubscribe: false, dynacast: false })
      const speakerJoinMs = performance.now() - joinStart
      const source = new AudioSource(RATE, 1)
      const options = new TrackPublishOptions()
      options.source = TrackSource.SOURCE_MICROPHONE
      await room.localParticipant!.publishTrack(LocalAudioTrack.createAudioTrack('mic', source), options)
      const voice = speak(source, () => stopped)

      const share = Math.ceil(LISTENERS / PROCESSES)
      const joined = await Promise.all(
        processes.map((p, i) => p.ask({ type: 'join', tokens: tokens.slice(i * share, (i + 1) * share), sampled: SAMPLED, wave: WAVE, rate: RATE }, 'joined')),
      )
      const before = await Promise.all(processes.map((p) => p.ask({ type: 'count' }, 'counted')))
      const sentBefore = voice.sent()
      const pids = Object.fromEntries(processes.map((p, i) => [`listeners ${i + 1}`, p.child.pid!]))
      const cpuBefore = sampleCpu([livekit.child.pid!])
      const holdStart = performance.now()
      await new Promise((resolve) => setTimeout(resolve, HOLD_S * 1000))
      const seconds = (performance.now() - holdStart) / 1000
      const cpu = cpuBetween(cpuBefore, sampleCpu([livekit.child.pid!]), { 'livekit-server': livekit.child.pid!, ...pids })
      const after = await Promise.all(processes.map((p) => p.ask({ type: 'count' }, 'counted')))
      const spoken = (voice.sent() - sentBefore) / seconds
      stopped = true
      await voice.done

      const held = after.reduce((n, c) => n + c.subscribed, 0)
      const heard = after.flatMap((c, i) => c.audible.map((a, j) => (a - before[i]!.audible[j]!) / seconds))
      const joins = summary(joined.flatMap((j) => j.joinMs).filter(Number.isFinite))
      const rows: Row[] = [
        { figure: `stage: listeners subscribed after ${HOLD_S} s`, value: `${held}/${LISTENERS}`, comparison: `one speaker; audience tokens (listen only); ${PROCESSES} processes joining ${WAVE} at a time each` },
        { figure: 'stage: listener join → subscribed to the speaker', value: `p50 ${ms(joins.p50)}, p95 ${ms(joins.p95)}`, comparison: `the speaker's own join (no subscription): ${ms(speakerJoinMs)}; joins tried again: ${joined.reduce((n, j) => n + j.retries, 0)}` },
        { figure: `stage: audible frames/s at ${heard.length} listeners`, value: heard.map((r) => r.toFixed(0)).join(', '), comparison: `the speaker sent ${spoken.toFixed(0)}/s meanwhile (real time: ${1000 / FRAME_MS}/s)` },
        { figure: `stage: CPU while ${LISTENERS} listen`, value: formatCpu(cpu), comparison: 'livekit-server forwards one Opus stream to each listener' },
      ]
      return rows
    } finally {
      stopped = true
      await Promise.all(processes.map((p) => p.ask({ type: 'leave' }, 'left').catch(() => undefined)))
      for (const p of processes) p.child.kill()
      await speaker?.disconnect().catch(() => {})
      await server.stop()
      await livekit.stop()
    }
  },
}
