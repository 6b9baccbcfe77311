import { describe, expect, it } from 'vitest'
import type { RoomKind } from '../../../../protocol/floor/records.ts'
import { decide, defaultPrefs, learn, parsePrefs, type KindChoices, type MicCamera } from '../../../../renderer/app/media-preferences.ts'

describe('decide: microphone and camera on entering a room', () => {
  const none: KindChoices = {}
  const mine: KindChoices = { meeting: { camera: false }, lounge: { camera: true, mic: false }, private: { mic: true }, stage: { mic: true, camera: true } }

  it.each<[string, RoomKind, boolean, KindChoices, MicCamera]>([
    ['a meeting room: camera on, microphone as it is', 'meeting', false, none, { camera: true }],
    ['a lounge: audio only', 'lounge', false, none, { camera: false }],
    ['a private office: as a meeting room (the model has no owner choice)', 'private', false, none, { camera: true }],
    ['a stage: the audience is muted, no camera', 'stage', false, none, { mic: false, camera: false }],
    ['a meeting room where the member turned the camera off before', 'meeting', false, mine, { camera: false }],
    ['a lounge where the member turned the camera on and muted before', 'lounge', false, mine, { mic: false, camera: true }],
    ['a private office where the member unmuted before', 'private', false, mine, { mic: true, camera: true }],
    ['a stage whatever the member chose before', 'stage', false, mine, { mic: false, camera: false }],
    ['a meeting room at someone else\'s request: muted', 'meeting', true, none, { mic: false, camera: true }],
    ['at someone else\'s request, even where the member unmuted before', 'private', true, mine, { mic: false, camera: true }],
    ['a lounge at someone else\'s request', 'lounge', true, mine, { mic: false, camera: true }],
  ])('%s', (_what, kind, requested, own, expected) => {
    expect(decide({ kind, requested, own })).toEqual(expected)
  })

  it('takes other defaults when given', () => {
    const defaults = { meeting: { mic: true, camera: false }, lounge: {}, private: {}, stage: {} }
    expect(decide({ kind: 'meeting', requested: false, own: {}, defaults })).toEqual({ mic: true, camera: false })
    expect(decide({ kind: 'lounge', requested: false, own: {}, defaults })).toEqual({})
  })
})

describe('learn: the member\'s own choice per kind', () => {
  it('remembers a change for that kind only, keeping the other half', () => {
    const once = learn(defaultPrefs(), 'meeting', { camera: false })
    const twice = learn(once, 'meeting', { mic: false })
    expect(twice.kinds).toEqual({ meeting: { camera: false, mic: false } })
    expect(decide({ kind: 'meeting', requested: false, own: twice.kinds })).toEqual({ mic: false, camera: false })
    expect(decide({ kind: 'lounge', requested: false, own: twice.kinds })).toEqual({ camera: false })
  })

  it('returns the same object when nothing changes, and ignores stages', () => {
    const prefs = learn(defaultPrefs(), 'lounge', { mic: true })
    expect(learn(prefs, 'lounge', { mic: true })).toBe(prefs)
    expect(learn(prefs, 'stage', { mic: true })).toBe(prefs)
  })
})

describe('parsePrefs: what was saved comes back, and nothing malformed gets through', () => {
  it('round-trips', () => {
    const prefs = { ...learn(defaultPrefs(), 'lounge', { camera: true }), devices: { audioinput: 'mic-1', videoinput: '', audiooutput: 'out-2' }, noiseSuppression: false, lowPower: true }
    expect(parsePrefs(JSON.stringify(prefs))).toEqual(prefs)
  })

  it.each([null, '', 'not json', '[]', '42', 'null', '{"devices":7,"kinds":{"meeting":{"camera":"yes"},"attic":{"mic":true}},"lowPower":"on"}'])('%j gives the defaults', (raw) => {
    expect(parsePrefs(raw)).toEqual(defaultPrefs())
  })

  it('keeps the good parts of a half-broken value', () => {
    const raw = JSON.stringify({ devices: { audioinput: 'mic-1', videoinput: 5 }, echoCancellation: false, kinds: { meeting: { mic: false, camera: 1 } } })
    expect(parsePrefs(raw)).toEqual({ ...defaultPrefs(), devices: { audioinput: 'mic-1', videoinput: '', audiooutput: '' }, echoCancellation: false, kinds: { meeting: { mic: false } } })
  })
})
