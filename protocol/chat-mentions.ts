/**
 * Mentions in a message body: `@Full Name` of a member (the longest name that matches first, any
 * case, at the start of a word and ending at a word's end), `@here` and `@channel` for everyone.
 * One pure function for both sides: the server stores what it resolves (Message.mentions); the
 * client uses the same spans to highlight them.
 */

export interface Mentionable {
  id: string
  name: string
}

/** One mention in the body: `[start, end)` in UTF-16 units, of a member or of everyone. */
export interface MentionSpan {
  start: number
  end: number
  memberId: string | null
  all: boolean
}

const EVERYONE = ['here', 'channel'] as const
/** Letters, digits and '_' of any script: a name is not a mention inside a longer word. */
const wordChar = /[\p{L}\p{N}_]/u

const atWordStart = (body: string, at: number) => at === 0 || !wordChar.test(body[at - 1]!)
const atWordEnd = (body: string, at: number) => at >= body.length || !wordChar.test(body[at]!)

/** Every mention in `body`, in order. Names are matched without regard to case; the longest wins. */
export function findMentions(body: string, people: readonly Mentionable[]): MentionSpan[] {
  // Longest first, so that "@Ana Lopez" is Ana Lopez and not Ana followed by " Lopez".
  const names = people
    .map((p) => ({ id: p.id, name: p.name.trim().toLowerCase() }))
    .filter((p) => p.name.length > 0)
    .sort((a, b) => b.name.length - a.name.length)
  const lower = body.toLowerCase()
  const spans: MentionSpan[] = []
  for (let at = lower.indexOf('@'); at !== -1; at = lower.indexOf('@', at + 1)) {
    if (!atWordStart(body, at)) continue
    const rest = at + 1
    const word = EVERYONE.find((w) => lower.startsWith(w, rest) && atWordEnd(body, rest + w.length))
    if (word) {
      spans.push({ start: at, end: rest + word.length, memberId: null, all: true })
      at = rest + word.length - 1
      continue
    }
    // toLowerCase can change a string's length for a few characters; then lower and body differ
    // in offsets, and the mention is looked for no further than where both agree.
    const person = names.find((p) => lower.startsWith(p.name, rest) && atWordEnd(lower, rest + p.name.length))
    if (person) {
      spans.push({ start: at, end: rest + person.name.length, memberId: person.id, all: false })
      at = rest + person.name.length - 1
    }
  }
  return spans
}

/** What the server stores: the members mentioned (each once, in order of first mention) and whether everyone is. */
export function resolveMentions(body: string, people: readonly Mentionable[]): { mentions: string[]; mentionsAll: boolean } {
  const spans = findMentions(body, people)
  const mentions = [...new Set(spans.flatMap((s) => (s.memberId ? [s.memberId] : [])))]
  return { mentions, mentionsAll: spans.some((s) => s.all) }
}
