import { describe, expect, it } from 'vitest'
import { BoardSchema, MAX_ELEMENTS, type Element } from '../../../../protocol/whiteboard.ts'
import { toBoard } from '../../../../server/whiteboard/board.ts'
import { Value } from 'typebox/value'

const el = (id: string, isDeleted = false): Element => ({ id, type: 'rectangle', version: 1, versionNonce: 1, isDeleted })
const record = (elements: Element[]) => ({ roomId: 'room_meeting', version: 3, elements: JSON.stringify(elements), drawn: 0, savedAt: 1, savedBy: null })

describe('a board as clients load it', () => {
  it('is read within the element limit when it was saved past it before the limit was kept, deleted elements going first', () => {
    const deleted = Array.from({ length: 1_500 }, (_, i) => el(`d${i}`, true))
    const live = Array.from({ length: 4_500 }, (_, i) => el(`l${i}`))
    const board = toBoard('room_meeting', record([...deleted, ...live]))
    expect(Value.Check(BoardSchema, board)).toBe(true)
    expect(board.elements).toHaveLength(MAX_ELEMENTS)
    expect(board.elements.filter((e) => !e.isDeleted)).toHaveLength(4_500)

    // More live ones than the limit: the newest are read.
    const crowded = toBoard('room_meeting', record(Array.from({ length: 6_000 }, (_, i) => el(`n${i}`))))
    expect(crowded.elements).toHaveLength(MAX_ELEMENTS)
    expect(crowded.elements[0]?.id).toBe('n1000')
    // Within the limit: as saved.
    expect(toBoard('room_meeting', record(live)).elements).toHaveLength(4_500)
  })
})
