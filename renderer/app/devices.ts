/**
 * Devices and media preferences, wired to the office: the member's choices (platform.settings,
 * `media:<memberId>`) are applied to the media rooms when they go online (devices, microphone
 * processing, Low power, the entry policy); the device list follows `devicechange` at once; a
 * device in use that vanishes falls back to the default with a notice (and comes back if it is
 * plugged in again); and the member's own microphone/camera choice per room kind is learned from
 * what they toggle while in a room. One per office (ensureDevices); it lives as long as the office.
 */
import { createStore, type StoreApi } from 'zustand/vanilla'
import type { Platform } from '../platform/platform.ts'
import type { EntryPolicy, MediaRooms } from '../services/media-room.ts'
import type { MediaKind } from '../stores/media/store.ts'
import { decide, defaultPrefs, learn, parsePrefs, prefsKey, type MediaPrefs, type MicCamera } from './media-preferences.ts'
import type { Office } from './office.ts'
import type { Stores } from './stores.ts'

/** A device as listed (MediaDeviceInfo's data, without the object). */
export interface Device {
  kind: MediaKind
  deviceId: string
  label: string
}

export interface DevicesState {
  prefs: MediaPrefs
  devices: Device[]
}

export interface DeviceSettings {
  state: StoreApi<DevicesState>
  chooseDevice(kind: MediaKind, deviceId: string): Promise<void>
  setProcessing(opts: { noiseSuppression: boolean; echoCancellation: boolean }): Promise<void>
  setLowPower(on: boolean): void
  /** Lists the devices again (labels appear once a device was granted). */
  refresh(): Promise<void>
}

export interface DevicesDeps {
  platform: Platform
  stores: Stores
  office: Office
}

const NOUN: Record<MediaKind, string> = { audioinput: 'microphone', videoinput: 'camera', audiooutput: 'speaker' }
const KINDS: readonly MediaKind[] = ['audioinput', 'videoinput', 'audiooutput']

/** How often to look for the media rooms between signing in and their creation (a few times at most). */
const ROOMS_POLL_MS = 20

const registry = new WeakMap<Office, DeviceSettings>()

/** The office's device settings, started on first use. */
export function ensureDevices(deps: DevicesDeps): DeviceSettings {
  let settings = registry.get(deps.office)
  if (!settings) {
    settings = createDevices(deps)
    registry.set(deps.office, settings)
  }
  return settings
}

function createDevices({ platform, stores, office }: DevicesDeps): DeviceSettings {
  const { session, floor, media, notices } = stores
  const state = createStore<DevicesState>()(() => ({ prefs: defaultPrefs(), devices: [] }))
  const prefs = () => state.getState().prefs
  /** Every label seen (`kind:id`), so a vanished device can still be named. */
  const labels = new Map<string, string>()
  /** Devices that vanished while in use (`kind:id`): said once, restored if they come back. */
  const lost = new Map<string, { kind: MediaKind; id: string }>()
  let member: string | null = null
  let loaded = false
  let applied: MediaRooms | null = null
  let stopLost: (() => void) | null = null
  /** What the entry policy just asked for: those changes are the policy's, not the member's choice. */
  let expected: ({ roomId: string } & MicCamera) | null = null

  const save = (next: MediaPrefs) => {
    state.setState({ prefs: next })
    if (member) void platform.settings.set(prefsKey(member), JSON.stringify(next)).catch(() => undefined)
  }
  const kindOf = (roomId: string) => floor.getState().floors.flatMap((f) => f.rooms).find((r) => r.id === roomId)?.kind ?? null
  const listed = (kind: MediaKind, id: string) => state.getState().devices.some((d) => d.kind === kind && d.deviceId === id)

  const policy: EntryPolicy = ({ roomId, requested }) => {
    const kind = kindOf(roomId)
    if (!kind) return undefined
    const wanted = decide({ kind, requested, own: prefs().kinds })
    expected = { roomId, ...wanted }
    return wanted
  }

  /** The name of the device a kind falls back to: the system default's, else the first one's. */
  const fallbackName = (kind: MediaKind) => {
    const of = state.getState().devices.filter((d) => d.kind === kind)
    const d = of.find((x) => x.deviceId === 'default') ?? of[0]
    return d ? d.label || `the default ${NOUN[kind]}` : null
  }

  /** Lists the devices now; every label seen is kept, so a vanished device can still be named. */
  const list = async () => {
    const all = await platform.media.enumerateDevices().catch(() => [] as MediaDeviceInfo[])
    const devices: Device[] = all
      .filter((d): d is MediaDeviceInfo & { kind: MediaKind } => KINDS.includes(d.kind) && d.deviceId !== '' && d.deviceId !== 'communications')
      .map((d) => ({ kind: d.kind, deviceId: d.deviceId, label: d.label }))
    for (const d of devices) if (d.label) labels.set(`${d.kind}:${d.deviceId}`, d.label)
    state.setState({ devices })
    return devices
  }

  /** A device in use went away: the system default takes over, and the member is told which. */
  const fallBack = async (kind: MediaKind, id: string) => {
    const key = `${kind}:${id}`
    if (lost.has(key)) return
    lost.set(key, { kind, id })
    const name = labels.get(key) || 'in use'
    const rooms = office.media()
    await rooms?.setDevice(kind, '').catch(() => undefined)
    // setDevice re-acquires only a live track; an unplugged microphone's has ended. Re-acquiring it
    // with the same processing takes the default now (a no-op once setDevice does it itself).
    if (kind === 'audioinput' && media.getState().localAudio?.mediaStreamTrack.readyState === 'ended') {
      const { noiseSuppression, echoCancellation } = prefs()
      await rooms?.setAudioProcessing({ noiseSuppression, echoCancellation }).catch(() => undefined)
    }
    await list()
    const instead = fallbackName(kind)
    notices.getState().push(instead ? `Your ${NOUN[kind]} ${name} was unplugged; using ${instead} now` : `Your ${NOUN[kind]} ${name} was unplugged, and no other ${NOUN[kind]} is connected`)
  }

  /** A track ended (the device-lost event): the chosen device went away, or the system default did. */
  const onTrackEnded = (kind: MediaKind, deviceId: string) => {
    if (lost.has(`${kind}:${deviceId}`)) return
    const active = media.getState().activeDevices[kind]
    void fallBack(kind, active || deviceId)
    if (active && active !== deviceId) lost.set(`${kind}:${deviceId}`, { kind, id: deviceId })
  }

  const refresh = async () => {
    const devices = await list()
    if (devices.length === 0) return // no permission yet: ids are hidden, nothing can be judged missing
    for (const kind of KINDS) {
      const active = media.getState().activeDevices[kind]
      if (active && !listed(kind, active)) await fallBack(kind, active)
    }
    // A device that vanished is back: the member's chosen one is used again.
    for (const [key, { kind, id }] of lost) {
      if (!listed(kind, id)) continue
      lost.delete(key)
      if (prefs().devices[kind] === id && media.getState().activeDevices[kind] !== id) await office.media()?.setDevice(kind, id).catch(() => undefined)
    }
  }

  /** The media rooms exist (going online): give them this member's choices, once per instance. */
  const attach = async () => {
    const rooms = office.media()
    if (!rooms || !loaded || rooms === applied) return
    applied = rooms
    stopLost?.()
    stopLost = rooms.on('device-lost', onTrackEnded)
    rooms.setEntryPolicy(policy)
    const p = prefs()
    rooms.setLowPower(p.lowPower)
    await refresh()
    // Before the first acquisition: a saved device applies only if it is here (else the default).
    for (const kind of KINDS) if (p.devices[kind] && listed(kind, p.devices[kind])) await rooms.setDevice(kind, p.devices[kind]).catch(() => undefined)
    if (!p.noiseSuppression || !p.echoCancellation) await rooms.setAudioProcessing({ noiseSuppression: p.noiseSuppression, echoCancellation: p.echoCancellation }).catch(() => undefined)
  }

  // office.ts makes the media rooms while going online and tells nobody; a room clicked right
  // after sign-in must already get this member's policy, so look for them until they exist.
  let looking: ReturnType<typeof setInterval> | null = null
  const watchForRooms = () => {
    if (looking || !member) return
    looking = setInterval(() => {
      const rooms = office.media()
      // Offline, nothing is being made: the next session change (connecting) looks again.
      const waiting = member && session.getState().connection !== 'offline' && (!rooms || rooms !== applied)
      if (waiting) return void attach()
      clearInterval(looking!)
      looking = null
    }, ROOMS_POLL_MS)
  }

  const follow = () => {
    const id = session.getState().me?.id ?? null
    if (id !== member) {
      member = id
      loaded = false
      applied = null
      state.setState({ prefs: defaultPrefs() })
      if (id) {
        void platform.settings.get(prefsKey(id)).then(
          (raw) => {
            if (member !== id) return
            state.setState({ prefs: parsePrefs(raw) })
            loaded = true
            void attach()
          },
          () => {
            // Unreadable: the defaults stand (entering a room never waits on a setting).
            if (member === id) loaded = true
          },
        )
      }
    }
    void attach()
    watchForRooms()
  }

  // The member's own choice per kind: what changes while in a room, apart from what the policy asked.
  media.subscribe((s, prev) => {
    if (s.localAudio !== prev.localAudio || s.localVideo !== prev.localVideo) void refresh()
    if (expected && s.roomId === expected.roomId && s.phase === 'connected') expected = null
    if (s.micOn === prev.micOn && s.camOn === prev.camOn) return
    const change: MicCamera = {}
    if (s.micOn !== prev.micOn) {
      if (expected?.mic === s.micOn) delete expected.mic
      else if (!s.micMutedByHost) change.mic = s.micOn
    }
    if (s.camOn !== prev.camOn) {
      if (expected?.camera === s.camOn) delete expected.camera
      else change.camera = s.camOn
    }
    const kind = s.roomId ? kindOf(s.roomId) : null
    const next = kind ? learn(prefs(), kind, change) : prefs()
    if (next !== prefs()) save(next)
  })
  session.subscribe(follow)
  platform.media.onDevicesChanged(() => void refresh())
  follow()

  return {
    state,
    async chooseDevice(kind, deviceId) {
      save({ ...prefs(), devices: { ...prefs().devices, [kind]: deviceId } })
      lost.delete(`${kind}:${deviceId}`)
      await office.media()?.setDevice(kind, deviceId)
    },
    async setProcessing(opts) {
      save({ ...prefs(), ...opts })
      await office.media()?.setAudioProcessing(opts)
    },
    setLowPower(on) {
      save({ ...prefs(), lowPower: on })
      office.media()?.setLowPower(on)
    },
    refresh,
  }
}
