/**
 * A member's media preferences, as pure data: the devices they chose, microphone processing, Low
 * power, and their own microphone/camera choice per room kind; and `decide`, what microphone and
 * camera should be on entering a room. Kept per member through platform.settings by devices.ts;
 * nothing here touches a device or the Platform.
 */
import type { RoomKind } from '../../protocol/floor/records.ts'

/** On entering a room: on, off, or (undefined) as it is now. */
export interface MicCamera {
  mic?: boolean
  camera?: boolean
}

export type KindChoices = Partial<Record<RoomKind, MicCamera>>

export interface MediaPrefs {
  /** deviceId per kind; '' = the system default. */
  devices: { audioinput: string; videoinput: string; audiooutput: string }
  noiseSuppression: boolean
  echoCancellation: boolean
  lowPower: boolean
  /** What the member turned on or off themselves while in a room of each kind. */
  kinds: KindChoices
}

/**
 * What each room kind starts with. The microphone keeps its state (undefined) except on a stage,
 * whose audience listens. A private office starts "as its owner chose": the floor model has no
 * such choice (Room has no media field), so it starts as a meeting room does.
 */
export const KIND_DEFAULTS: Readonly<Record<RoomKind, MicCamera>> = {
  meeting: { camera: true },
  lounge: { camera: false },
  private: { camera: true },
  stage: { mic: false, camera: false },
}

export interface DecideInput {
  kind: RoomKind
  /** Joined at someone else's request (a wave answered, a meet): starts with the microphone off. */
  requested: boolean
  own: KindChoices
  defaults?: Readonly<Record<RoomKind, MicCamera>>
}

/**
 * Microphone and camera on entering a room of `kind`: the member's own choice for that kind, else
 * the kind's default. A stage always starts in the audience (muted, no camera) whatever was chosen
 * before: speakers are brought on stage by a host. A requested entry starts muted; the camera
 * still follows the kind, so the people who asked see who came.
 */
export function decide({ kind, requested, own, defaults = KIND_DEFAULTS }: DecideInput): MicCamera {
  const base = defaults[kind]
  const mine = kind === 'stage' ? {} : (own[kind] ?? {})
  const mic = requested ? false : (mine.mic ?? base.mic)
  const camera = mine.camera ?? base.camera
  return { ...(mic === undefined ? {} : { mic }), ...(camera === undefined ? {} : { camera }) }
}

/** The member turned the microphone or camera on/off in a room of `kind`: remember it (a new object). */
export function learn(prefs: MediaPrefs, kind: RoomKind, change: MicCamera): MediaPrefs {
  if (kind === 'stage') return prefs
  const before = prefs.kinds[kind] ?? {}
  const next = { ...before, ...change }
  if (next.mic === before.mic && next.camera === before.camera) return prefs
  return { ...prefs, kinds: { ...prefs.kinds, [kind]: next } }
}

export function defaultPrefs(): MediaPrefs {
  return { devices: { audioinput: '', videoinput: '', audiooutput: '' }, noiseSuppression: true, echoCancellation: true, lowPower: false, kinds: {} }
}

const KINDS: readonly RoomKind[] = ['meeting', 'lounge', 'private', 'stage']
const bool = (v: unknown, fallback: boolean) => (typeof v === 'boolean' ? v : fallback)
const text = (v: unknown) => (typeof v === 'string' && v.length <= 512 ? v : '')
const record = (v: unknown): Record<string, unknown> => (typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : {})

/** Reads a saved value back; anything missing or malformed takes its default (a corrupt setting never blocks entering). */
export function parsePrefs(raw: string | null): MediaPrefs {
  const base = defaultPrefs()
  let value: Record<string, unknown>
  try {
    value = record(raw ? JSON.parse(raw) : {})
  } catch {
    return base
  }
  const devices = record(value.devices)
  const kinds = record(value.kinds)
  const parsedKinds: KindChoices = {}
  for (const kind of KINDS) {
    const k = record(kinds[kind])
    const choice: MicCamera = {}
    if (typeof k.mic === 'boolean') choice.mic = k.mic
    if (typeof k.camera === 'boolean') choice.camera = k.camera
    if (choice.mic !== undefined || choice.camera !== undefined) parsedKinds[kind] = choice
  }
  return {
    devices: { audioinput: text(devices.audioinput), videoinput: text(devices.videoinput), audiooutput: text(devices.audiooutput) },
    noiseSuppression: bool(value.noiseSuppression, base.noiseSuppression),
    echoCancellation: bool(value.echoCancellation, base.echoCancellation),
    lowPower: bool(value.lowPower, base.lowPower),
    kinds: parsedKinds,
  }
}

export const prefsKey = (memberId: string) => `media:${memberId}`
