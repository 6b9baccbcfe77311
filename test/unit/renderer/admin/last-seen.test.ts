import { describe, expect, it } from 'vitest'
import { lastSeenText } from '../../../../renderer/admin/last-seen.ts'

const now = Date.UTC(2025, 5, 15, 12, 0, 0)
const minute = 60_000

describe('last seen', () => {
  it.each([
    ['online now wins over any time', true, now - 3 * minute, 'online now'],
    ['never seen', false, null, 'never'],
    ['seconds ago', false, now - 20_000, 'just now'],
    ['minutes ago', false, now - 5 * minute, '5 minutes ago'],
    ['hours ago', false, now - 3 * 60 * minute, '3 hours ago'],
    ['yesterday', false, now - 26 * 60 * minute, 'yesterday'],
    ['days ago', false, now - 3 * 24 * 60 * minute, '3 days ago'],
  ] as const)('%s', (_, online, at, expected) => {
    expect(lastSeenText(online, at, now)).toBe(expected)
  })

  it('gives a date beyond a week', () => {
    const at = now - 30 * 24 * 60 * minute
    expect(lastSeenText(false, at, now)).toBe(new Date(at).toLocaleDateString())
  })
})
