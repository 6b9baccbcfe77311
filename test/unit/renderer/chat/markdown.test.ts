/**
 * The chat's Markdown subset renders to React elements only: a `<script>` in a message is text on
 * the screen, a `javascript:` link is no link, and the formatting people type shows as formatting.
 */
import { createElement } from 'react'
import { renderToStaticMarkup } from 'react-dom/server'
import { describe, expect, it } from 'vitest'
import { renderMarkdown } from '../../../../renderer/chat/markdown/render.ts'
import { safeHref } from '../../../../renderer/chat/markdown/links.ts'

const people = [
  { id: 'm_ana', name: 'Ana Silva' },
  { id: 'm_bo', name: 'Bo' },
]
const html = (body: string, me: string | null = null) => renderToStaticMarkup(createElement('div', null, renderMarkdown(body, { people, me })))

describe('the chat Markdown renderer', () => {
  it('shows a script tag as text, never as an element', () => {
    const out = html('<script>alert(1)</script> <img src=x onerror=alert(2)>')
    expect(out).not.toContain('<script')
    expect(out).not.toContain('<img')
    expect(out).toContain('&lt;script&gt;alert(1)&lt;/script&gt;')
    expect(out).toContain('&lt;img src=x onerror=alert(2)&gt;')
  })

  it('keeps javascript:, data: and disguised links inert', () => {
    for (const body of ['[click](javascript:alert(1))', '[x](JavaScript:alert(1))', '[x](data:text/html,<script>alert(1)</script>)', '[x](java\tscript:alert(1))', '[x](vbscript:msgbox)', 'javascript:alert(1)']) {
      const out = html(body)
      expect(out, body).not.toContain('<a')
      expect(out, body).not.toMatch(/href=/)
    }
  })

  it('makes http, https and mailto links clickable, opening outside without an opener', () => {
    expect(html('[the docs](https://example.com/a?b=1)')).toBe('<div><p><a href="https://example.com/a?b=1" target="_blank" rel="noopener noreferrer">the docs</a></p></div>')
    expect(html('see https://example.com/x.')).toBe('<div><p>see <a href="https://example.com/x" target="_blank" rel="noopener noreferrer">https://example.com/x</a>.</p></div>')
    expect(html('(at http://a.example/b)')).toContain('<a href="http://a.example/b"')
    expect(html('[mail](mailto:ana@example.com)')).toContain('href="mailto:ana@example.com"')
    // A quote in a URL cannot escape the attribute: React escapes it.
    expect(html('[x](https://a.example/"onmouseover="alert(1))')).not.toContain('" onmouseover')
  })

  it('renders bold, italic, strike and code', () => {
    expect(html('**bold** *it* _it2_ ~~gone~~ `a <b>`')).toBe('<div><p><strong>bold</strong> <em>it</em> <em>it2</em> <del>gone</del> <code>a &lt;b&gt;</code></p></div>')
    expect(html('**bold *and it***')).toBe('<div><p><strong>bold <em>and it</em></strong></p></div>')
    // Unclosed or mid-word markers stay as typed.
    expect(html('2 * 3 = 6, snake_case_name, **open')).toBe('<div><p>2 * 3 = 6, snake_case_name, **open</p></div>')
    expect(html('\\*not italic\\*')).toBe('<div><p>*not italic*</p></div>')
  })

  it('renders code blocks, quotes, lists and line breaks', () => {
    expect(html('```\n<b>**x**</b>\n```')).toBe('<div><pre><code>&lt;b&gt;**x**&lt;/b&gt;</code></pre></div>')
    expect(html('> quoted **line**\n> two')).toBe('<div><blockquote><p>quoted <strong>line</strong><br/>two</p></blockquote></div>')
    expect(html('- one\n- two')).toBe('<div><ul><li>one</li><li>two</li></ul></div>')
    expect(html('3. three\n4. four')).toBe('<div><ol start="3"><li>three</li><li>four</li></ol></div>')
    expect(html('a\nb\n\nc')).toBe('<div><p>a<br/>b</p><p>c</p></div>')
  })

  it('highlights mentions, mine more strongly', () => {
    expect(html('hi @ana silva and @Bo', 'm_ana')).toBe('<div><p>hi <span class="mention mention-me">@ana silva</span> and <span class="mention">@Bo</span></p></div>')
    expect(html('@here look')).toBe('<div><p><span class="mention mention-me">@here</span> look</p></div>')
    expect(html('mail bo@Bo.com')).toBe('<div><p>mail bo@Bo.com</p></div>')
  })

  it('stays fast and shallow on hostile input', () => {
    const start = performance.now()
    html('*'.repeat(4_000))
    html('[('.repeat(2_000))
    html('> '.repeat(2_000) + 'deep')
    html('**a '.repeat(1_000))
    expect(performance.now() - start).toBeLessThan(1_000)
  })
})

describe('safeHref', () => {
  it('allows http, https and mailto only', () => {
    expect(safeHref('https://example.com')).toBe('https://example.com/')
    expect(safeHref('mailto:a@b.c')).toBe('mailto:a@b.c')
    expect(safeHref('javascript:alert(1)')).toBeNull()
    expect(safeHref('file:///etc/passwd')).toBeNull()
    expect(safeHref('/relative')).toBeNull()
    expect(safeHref('https://exa mple.com')).toBeNull()
  })
})
