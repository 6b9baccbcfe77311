/**
 * The chat's Markdown subset as React elements. Every string is a React text child (escaped by
 * React), every element is one of a fixed few, and no element ever takes HTML from a message:
 * a `<script>` in a body is text on the screen. Links open in a new window without an opener;
 * in Electron the window-open policy hands them to the system browser.
 * Plain `createElement` (no JSX) so that the unit tests, compiled without JSX, can import it.
 */
import { createElement as h, type ReactNode } from 'react'
import type { Mentionable } from '../../../protocol/chat-mentions.ts'
import { parseBlocks, type Block } from './blocks.ts'
import type { Inline } from './inline.ts'

export interface RenderOptions {
  people: readonly Mentionable[]
  /** Mentions of this member (and @here, @channel) are highlighted more strongly. */
  me: string | null
}

export function renderMarkdown(source: string, opts: RenderOptions): ReactNode {
  return parseBlocks(source, opts.people).map((b, i) => block(b, i, opts))
}

function block(b: Block, key: number, opts: RenderOptions): ReactNode {
  switch (b.t) {
    case 'p':
      return h('p', { key }, inlines(b.children, opts))
    case 'pre':
      return h('pre', { key }, h('code', null, b.text))
    case 'quote':
      return h('blockquote', { key }, b.children.map((c, i) => block(c, i, opts)))
    case 'list':
      return h(
        b.ordered ? 'ol' : 'ul',
        { key, start: b.ordered && b.start !== 1 ? b.start : undefined },
        b.items.map((item, i) => h('li', { key: i }, inlines(item, opts))),
      )
  }
}

function inlines(nodes: readonly Inline[], opts: RenderOptions): ReactNode[] {
  return nodes.map((n, key) => {
    switch (n.t) {
      case 'text':
        return n.text
      case 'br':
        return h('br', { key })
      case 'code':
        return h('code', { key }, n.text)
      case 'strong':
      case 'em':
      case 'del':
        return h(n.t, { key }, inlines(n.children, opts))
      case 'link':
        return h('a', { key, href: n.href, target: '_blank', rel: 'noopener noreferrer' }, inlines(n.children, opts))
      case 'mention': {
        const mine = n.all || (opts.me !== null && n.memberId === opts.me)
        return h('span', { key, className: mine ? 'mention mention-me' : 'mention' }, n.text)
      }
    }
  })
}
