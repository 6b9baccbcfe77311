import { describe, expect, it } from 'vitest'
import { checkPermission, decidePermission } from '../../../../main/policy/permissions.ts'

const app = 'app://bundle'
const evil = 'https://evil.example'

/** [permission, origin, media kinds, expected]: one table for both handlers. */
const table: [string, string | null, string[], boolean][] = [
  ['media', app, ['audio', 'video'], true],
  ['media', app, ['audio'], true],
  ['media', app, ['video'], true],
  ['notifications', app, [], true],
  ['display-capture', app, [], true],
  ['fullscreen', app, [], false],
  ['media', evil, ['audio'], false],
  ['notifications', evil, [], false],
  ['display-capture', evil, [], false],
  ['fullscreen', 'app://bundle.evil', [], false],
  ['media', null, ['audio'], false],
  ['media', app, ['unknown'], false],
  ['geolocation', app, [], false],
  ['midi', app, [], false],
  ['midiSysex', app, [], false],
  ['openExternal', app, [], false],
  ['clipboard-read', app, [], false],
  ['hid', app, [], false],
  ['unknown', app, [], false],
]

describe('decidePermission (request handler)', () => {
  it.each(table)('%s from %s %j → %s', (permission, origin, mediaTypes, expected) =>
    expect(decidePermission(permission, origin, { mediaTypes })).toBe(expected),
  )
  it('accepts a full requesting URL of the app', () => expect(decidePermission('notifications', 'app://bundle/index.html')).toBe(true))
  it('accepts the dev origin only when trusted', () =>
    expect(decidePermission('media', 'http://localhost:5173', { mediaTypes: ['audio'] }, { devUrl: 'http://localhost:5173/' })).toBe(true))
  it('refuses the dev origin in a packaged build', () =>
    expect(decidePermission('media', 'http://localhost:5173', { mediaTypes: ['audio'] })).toBe(false))
})

describe('checkPermission (check handler twin)', () => {
  it.each(table.filter(([, , kinds]) => kinds.length <= 1))('%s from %s %j → %s', (permission, origin, kinds, expected) =>
    expect(checkPermission(permission, origin, kinds[0] === undefined ? {} : { mediaType: kinds[0] })).toBe(expected),
  )
})
