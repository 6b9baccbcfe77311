/**
 * Which links a message may carry: http, https and mailto only, parsed by the URL parser (never by
 * a pattern), so `javascript:`, `data:`, `file:` and look-alikes such as `java\tscript:` are text.
 */
const ALLOWED = new Set(['http:', 'https:', 'mailto:'])

/** The normalised href of a link a person may follow, or null when it must stay plain text. */
export function safeHref(raw: string): string | null {
  const trimmed = raw.trim()
  // The URL parser strips tabs and newlines inside a scheme; refuse anything with control characters outright.
  // eslint-disable-next-line no-control-regex
  if (trimmed.length === 0 || trimmed.length > 2_000 || /[\u0000-\u001f\u007f\s]/.test(trimmed)) return null
  let url: URL
  try {
    url = new URL(trimmed)
  } catch {
    return null
  }
  if (!ALLOWED.has(url.protocol)) return null
  if (url.protocol !== 'mailto:' && !url.hostname) return null
  return url.href
}

/** Punctuation that ends a sentence rather than a bare URL ("see https://a.b/c."). */
const TRAILING = /[.,;:!?'"]+$/

/**
 * The length of the bare http(s) URL at `text[at]`, or 0. A closing parenthesis without an
 * opening one inside the URL belongs to the sentence: "(see https://a.b/c)".
 */
export function bareUrlLength(text: string, at: number): number {
  const rest = text.slice(at, at + 2_000)
  const match = /^https?:\/\/[^\s<>"]+/i.exec(rest)
  if (!match) return 0
  let url = match[0]
  for (;;) {
    const before = url
    url = url.replace(TRAILING, '')
    if (url.endsWith(')') && count(url, '(') < count(url, ')')) url = url.slice(0, -1)
    if (url === before) break
  }
  return url.length > 'https://'.length ? url.length : 0
}

const count = (s: string, c: string) => s.split(c).length - 1
