/**
 * The inline part of the chat's Markdown subset, parsed into a small tree of text, never HTML:
 * `code`, **bold**, *italic* (and _italic_), ~~strike~~, [label](url), bare URLs and @mentions.
 * Anything that does not close, or a link whose URL is not allowed, stays literal text. A plain
 * scanner (no backtracking patterns) keeps a 4,000-character body cheap whatever it contains.
 */
import { findMentions, type Mentionable } from '../../../protocol/chat-mentions.ts'
import { bareUrlLength, safeHref } from './links.ts'

export type Inline =
  | { t: 'text'; text: string }
  | { t: 'br' }
  | { t: 'strong' | 'em' | 'del'; children: Inline[] }
  | { t: 'code'; text: string }
  | { t: 'link'; href: string; children: Inline[] }
  | { t: 'mention'; text: string; memberId: string | null; all: boolean }

/** Nesting deeper than this is shown as written: a body cannot make the renderer recurse far. */
const MAX_DEPTH = 4
const PUNCTUATION = /[!-/:-@[-`{-~]/
const wordChar = /[\p{L}\p{N}_]/u
const space = (c: string | undefined) => c === undefined || /\s/.test(c)

interface Ctx {
  people: readonly Mentionable[]
  /** Inside a link's label: no links within links. */
  inLink: boolean
}

/** Parses one block's text (lines joined by '\n') into inline nodes. */
export function parseInline(text: string, people: readonly Mentionable[], inLink = false): Inline[] {
  return withMentions(scan(text, { people, inLink }, 0), people)
}

function scan(s: string, ctx: Ctx, depth: number): Inline[] {
  const out: Inline[] = []
  let text = ''
  const flush = () => {
    if (text) out.push({ t: 'text', text })
    text = ''
  }
  let i = 0
  while (i < s.length) {
    const c = s[i]!
    if (c === '\\' && i + 1 < s.length && PUNCTUATION.test(s[i + 1]!)) {
      text += s[i + 1]
      i += 2
      continue
    }
    if (c === '\n') {
      flush()
      out.push({ t: 'br' })
      i++
      continue
    }
    if (c === '`') {
      const ticks = run(s, i, '`')
      const close = s.indexOf('`'.repeat(ticks), i + ticks)
      if (close !== -1 && run(s, close, '`') === ticks) {
        flush()
        out.push({ t: 'code', text: trimCode(s.slice(i + ticks, close)) })
        i = close + ticks
        continue
      }
      text += s.slice(i, i + ticks)
      i += ticks
      continue
    }
    const emphasis = depth < MAX_DEPTH ? matchEmphasis(s, i) : null
    if (emphasis) {
      flush()
      out.push({ t: emphasis.t, children: scan(s.slice(emphasis.from, emphasis.to), ctx, depth + 1) })
      i = emphasis.end
      continue
    }
    if (c === '[' && !ctx.inLink && depth < MAX_DEPTH) {
      const link = matchLink(s, i)
      if (link) {
        flush()
        out.push({ t: 'link', href: link.href, children: scan(link.label, { ...ctx, inLink: true }, depth + 1) })
        i = link.end
        continue
      }
    }
    if ((c === 'h' || c === 'H') && !ctx.inLink && (i === 0 || !wordChar.test(s[i - 1]!))) {
      const n = bareUrlLength(s, i)
      const href = n ? safeHref(s.slice(i, i + n)) : null
      if (href) {
        flush()
        out.push({ t: 'link', href, children: [{ t: 'text', text: s.slice(i, i + n) }] })
        i += n
        continue
      }
    }
    text += c
    i++
  }
  flush()
  return out
}

const run = (s: string, at: number, c: string) => {
  let n = 0
  while (s[at + n] === c) n++
  return n
}

/** `` ` a ` `` shows " a " without the one space either side that lets code start with a backtick. */
const trimCode = (code: string) => (code.length > 2 && code.startsWith(' ') && code.endsWith(' ') ? code.slice(1, -1) : code)

const DELIMITERS = [
  { d: '**', t: 'strong' },
  { d: '__', t: 'strong' },
  { d: '~~', t: 'del' },
  { d: '*', t: 'em' },
  { d: '_', t: 'em' },
] as const

/** `**x**`, `*x*`, `_x_`, `~~x~~` at `at`: the content's range and where the whole ends. */
function matchEmphasis(s: string, at: number): { t: 'strong' | 'em' | 'del'; from: number; to: number; end: number } | null {
  for (const { d, t } of DELIMITERS) {
    if (!s.startsWith(d, at)) continue
    const from = at + d.length
    // An opener is followed by a non-space; `_` must also start a word (snake_case stays as written).
    if (space(s[from]) || s[from] === d[0]) continue
    if (d[0] === '_' && at > 0 && wordChar.test(s[at - 1]!)) continue
    for (let close = s.indexOf(d, from + 1); close !== -1; close = s.indexOf(d, close + 1)) {
      if (space(s[close - 1])) continue
      // A single delimiter is not half of a double one: `*a **b** c*` closes at the last `*`.
      if (d.length === 1 && (s[close + 1] === d || s[close - 1] === d)) continue
      if (d[0] === '_' && close + 1 < s.length && wordChar.test(s[close + 1]!)) continue
      if (s.slice(from, close).includes('\n\n')) break
      // `**a *b***`: the double closer is the last two of a run of three.
      const to = d.length === 2 && s[close + 2] === d[0] ? close + 1 : close
      return { t, from, to, end: to + d.length }
    }
  }
  return null
}

/** `[label](url)` at `at`, with an allowed URL; anything else is left as text. */
function matchLink(s: string, at: number): { label: string; href: string; end: number } | null {
  const close = s.indexOf('](', at + 1)
  if (close === -1 || close === at + 1 || s.slice(at + 1, close).includes('\n')) return null
  const end = s.indexOf(')', close + 2)
  if (end === -1) return null
  const href = safeHref(s.slice(close + 2, end))
  return href ? { label: s.slice(at + 1, close), href, end: end + 1 } : null
}

/** Splits text nodes at @mentions (the same rule the server resolves them by). */
function withMentions(nodes: Inline[], people: readonly Mentionable[]): Inline[] {
  return nodes.flatMap((node): Inline[] => {
    if (node.t === 'strong' || node.t === 'em' || node.t === 'del' || node.t === 'link') return [{ ...node, children: withMentions(node.children, people) }]
    if (node.t !== 'text' || !node.text.includes('@')) return [node]
    const spans = findMentions(node.text, people)
    if (spans.length === 0) return [node]
    const out: Inline[] = []
    let at = 0
    for (const span of spans) {
      if (span.start > at) out.push({ t: 'text', text: node.text.slice(at, span.start) })
      out.push({ t: 'mention', text: node.text.slice(span.start, span.end), memberId: span.memberId, all: span.all })
      at = span.end
    }
    if (at < node.text.length) out.push({ t: 'text', text: node.text.slice(at) })
    return out
  })
}
