import { describe, expect, it } from 'vitest'
import { createScreenChoice, toScreenSources, type CapturerSource } from '../../../../main/desktop/screen-sources.ts'

const png = 'data:image/png;base64,iVBORw0KGgo='
const source = (id: string, name: string, thumbnail = png): CapturerSource => ({ id, name, thumbnail: { isEmpty: () => thumbnail === '', toDataURL: () => thumbnail } })

describe('screen sources', () => {
  it('lists screens first, then windows, with their names and thumbnails', () => {
    const list = toScreenSources([source('window:12:0', 'Notes'), source('screen:0:0', 'Entire screen'), source('window:7:0', 'Browser')])
    expect(list.map((s) => [s.id, s.kind, s.name])).toEqual([['screen:0:0', 'screen', 'Entire screen'], ['window:12:0', 'window', 'Notes'], ['window:7:0', 'window', 'Browser']])
    expect(list[0]?.thumbnail).toBe(png)
  })

  it('names an unnamed source, and drops a thumbnail that is not a small image', () => {
    const [a, b] = toScreenSources([source('window:1:0', '  ', 'javascript:alert(1)'), source('window:2:0', 'Big', `data:image/png;base64,${'A'.repeat(300_000)}`)])
    expect([a?.name, a?.thumbnail, b?.thumbnail]).toEqual(['Untitled window', '', ''])
  })

  it('offers at most 100 sources', () => {
    expect(toScreenSources(Array.from({ length: 150 }, (_, i) => source(`window:${i}:0`, `W${i}`)))).toHaveLength(100)
  })
})

describe('screen choice', () => {
  const offered = toScreenSources([source('screen:0:0', 'Screen'), source('window:5:0', 'Notes')])

  it('hands the chosen source to the next capture request, once', () => {
    const choice = createScreenChoice()
    choice.offered(offered)
    choice.choose('window:5:0')
    expect([choice.take(), choice.take()]).toEqual(['window:5:0', null])
  })

  it('refuses a source the picker did not offer', () => {
    const choice = createScreenChoice()
    choice.offered(offered)
    expect(() => choice.choose('window:999:0')).toThrow(/not a source the picker offered/)
    expect(choice.take()).toBeNull()
  })

  it('refuses capture without a choice, after a cancel, or once the choice is stale', () => {
    let t = 0
    const choice = createScreenChoice(() => t, 30_000)
    choice.offered(offered)
    expect(choice.take()).toBeNull()
    choice.choose('screen:0:0')
    choice.choose(null)
    expect(choice.take()).toBeNull()
    choice.choose('screen:0:0')
    t = 30_001
    expect(choice.take()).toBeNull()
  })
})
