/** Mentions as the server stores them and the client highlights them (protocol/chat-mentions.ts). */
import { describe, expect, it } from 'vitest'
import { findMentions, resolveMentions } from '../../../../protocol/chat-mentions.ts'

const people = [
  { id: 'mem_ana', name: 'Ana' },
  { id: 'mem_analopez', name: 'Ana Lopez' },
  { id: 'mem_bo', name: 'Bo Chen' },
]

describe('mentions', () => {
  it('takes the longest name that matches, in any case, at the start of a word', () => {
    expect(resolveMentions('@ana lopez and @Ana, then @BO CHEN.', people)).toEqual({ mentions: ['mem_analopez', 'mem_ana', 'mem_bo'], mentionsAll: false })
  })

  it('ignores a name inside a longer word, or an @ inside a word (an email address)', () => {
    expect(resolveMentions('@Anabel wrote to ana@ana.example and x@Bo Chen', people)).toEqual({ mentions: [], mentionsAll: false })
  })

  it('reads @here and @channel as everyone, but not @hereafter', () => {
    expect(resolveMentions('@here now', people).mentionsAll).toBe(true)
    expect(resolveMentions('ping @channel!', people).mentionsAll).toBe(true)
    expect(resolveMentions('@hereafter', people).mentionsAll).toBe(false)
  })

  it('gives the spans to highlight', () => {
    expect(findMentions('hi @Bo Chen and @here', people)).toEqual([
      { start: 3, end: 11, memberId: 'mem_bo', all: false },
      { start: 16, end: 21, memberId: null, all: true },
    ])
  })

  it('names each member once however often mentioned', () => {
    expect(resolveMentions('@Ana @ana @ANA', people).mentions).toEqual(['mem_ana'])
  })
})
