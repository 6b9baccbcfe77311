/**
 * The block part of the chat's Markdown subset: paragraphs (a single newline is a line break, as
 * in chat apps), ``` fenced code, > quotes and lists (- * + or 1. 1)). Headings, tables, images
 * and HTML are not part of it: they show as the text that was typed.
 */
import type { Mentionable } from '../../../protocol/chat-mentions.ts'
import { parseInline, type Inline } from './inline.ts'

export type Block =
  | { t: 'p'; children: Inline[] }
  | { t: 'pre'; text: string }
  | { t: 'quote'; children: Block[] }
  | { t: 'list'; ordered: boolean; start: number; items: Inline[][] }

/** Quotes within quotes deeper than this are shown as text. */
const MAX_QUOTE_DEPTH = 3
const FENCE = /^ {0,3}```/
const QUOTE = /^ {0,3}> ?/
const BULLET = /^ {0,3}[-*+] +(.*)$/
const NUMBERED = /^ {0,3}(\d{1,9})[.)] +(.*)$/

export function parseBlocks(source: string, people: readonly Mentionable[], depth = 0): Block[] {
  const lines = source.replace(/\r\n?/g, '\n').split('\n')
  const blocks: Block[] = []
  let i = 0
  while (i < lines.length) {
    const line = lines[i]!
    if (line.trim() === '') {
      i++
      continue
    }
    if (FENCE.test(line)) {
      // Everything up to the closing fence (or the end) is code, shown exactly as typed.
      const body: string[] = []
      i++
      while (i < lines.length && !FENCE.test(lines[i]!)) body.push(lines[i++]!)
      i++
      blocks.push({ t: 'pre', text: body.join('\n') })
      continue
    }
    if (QUOTE.test(line) && depth < MAX_QUOTE_DEPTH) {
      const body: string[] = []
      while (i < lines.length && QUOTE.test(lines[i]!)) body.push(lines[i++]!.replace(QUOTE, ''))
      blocks.push({ t: 'quote', children: parseBlocks(body.join('\n'), people, depth + 1) })
      continue
    }
    const bullet = BULLET.exec(line)
    const numbered = NUMBERED.exec(line)
    if (bullet || numbered) {
      const ordered = !bullet
      const pattern = ordered ? NUMBERED : BULLET
      const items: Inline[][] = []
      let m: RegExpExecArray | null
      while (i < lines.length && (m = pattern.exec(lines[i]!))) {
        items.push(parseInline(ordered ? m[2]! : m[1]!, people))
        i++
      }
      blocks.push({ t: 'list', ordered, start: numbered ? Number(numbered[1]) : 1, items })
      continue
    }
    const body: string[] = []
    while (i < lines.length && lines[i]!.trim() !== '' && !startsBlock(lines[i]!, depth)) body.push(lines[i++]!)
    blocks.push({ t: 'p', children: parseInline(body.join('\n'), people) })
  }
  return blocks
}

const startsBlock = (line: string, depth: number) => FENCE.test(line) || (QUOTE.test(line) && depth < MAX_QUOTE_DEPTH) || BULLET.test(line) || NUMBERED.test(line)
