import { describe, expect, it } from 'vitest'
import { samePerson, type PersonView } from '../../../../renderer/floor/person-view.ts'
import { sameEntries } from '../../../../renderer/ui/useStableValue.ts'

const ana: Required<PersonView> = {
  id: 'ana', name: 'Ana', label: 'Ana, available, at her desk', colour: '#123456', status: 'available',
  stale: false, at: { x: 10, y: 20 }, photoUrl: '/photos/ana.webp',
}

describe('an avatar re-renders only when what it draws changed', () => {
  it('a rebuilt view with the same content is the same person', () => {
    expect(samePerson(ana, { ...ana, at: { ...ana.at } })).toBe(true)
  })

  // Every field of PersonView is listed, so a field added later and not compared fails here.
  const changes: { [K in keyof Required<PersonView>]: PersonView[K] } = {
    id: 'bo', name: 'Ana B', label: 'Ana, busy', colour: '#654321', status: 'busy', stale: true, at: { x: 11, y: 20 }, photoUrl: '/photos/new.webp',
  }
  for (const [field, value] of Object.entries(changes)) {
    it(`a change of ${field} is seen`, () => {
      expect(samePerson(ana, { ...ana, [field]: value })).toBe(false)
    })
  }
  it('a move along y alone is seen, and so is a position gained or lost', () => {
    expect(samePerson(ana, { ...ana, at: { x: 10, y: 21 } })).toBe(false)
    const { at: _at, ...nowhere } = ana
    expect(samePerson(ana, nowhere)).toBe(false)
  })
})

describe('desk names are kept while no name changed', () => {
  it('compares maps by their entries', () => {
    expect(sameEntries(new Map([['d1', 'Desk 1, Ana']]), new Map([['d1', 'Desk 1, Ana']]))).toBe(true)
    expect(sameEntries(new Map([['d1', 'Desk 1, Ana']]), new Map([['d1', 'Desk 1, Ana (away)']]))).toBe(false)
    expect(sameEntries(new Map([['d1', 'a']]), new Map([['d1', 'a'], ['d2', 'b']]))).toBe(false)
    expect(sameEntries(new Map([['d1', 'a']]), new Map([['d2', 'a']]))).toBe(false)
  })
})
