/**
 * A profile change as a member sends it, made tidy and checked beyond its schema: tags trimmed,
 * spaces collapsed and no duplicates (whatever the case), a time zone Intl knows, links that parse
 * as http or https. A bad field is a 400 naming it.
 */
import { PROFILE_LIMITS, type ProfileChanges } from '../../protocol/profiles.ts'
import { badRequest } from '../http-error.ts'
import type { ProfileFields } from '../store/profiles-store.ts'

// eslint-disable-next-line no-control-regex -- control characters are what it refuses
const CONTROL = /[\u0000-\u001f\u007f]/

/** The IANA time zone as Intl spells it ("europe/paris" → "Europe/Paris"), or null when Intl does not know it. */
export function canonicalTimeZone(name: string): string | null {
  try {
    return new Intl.DateTimeFormat('en', { timeZone: name }).resolvedOptions().timeZone
  } catch {
    return null
  }
}

function tags(list: readonly string[], field: string): string[] {
  const seen = new Set<string>()
  const out: string[] = []
  for (const raw of list) {
    const tag = raw.trim().replace(/\s+/g, ' ')
    if (!tag || CONTROL.test(tag) || /[,<>]/.test(tag)) throw badRequest(`${field} holds short tags without commas, angle brackets or control characters (got "${raw.slice(0, 40)}")`, field)
    if (seen.has(tag.toLowerCase())) continue
    seen.add(tag.toLowerCase())
    out.push(tag)
  }
  return out
}

function links(list: readonly string[]): string[] {
  return [...new Set(list.map((raw) => {
    let url: URL
    try {
      url = new URL(raw.trim())
    } catch {
      throw badRequest(`links: "${raw.slice(0, 60)}" is not an address`, 'links')
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:') throw badRequest('links are http or https addresses only', 'links')
    if (url.username || url.password) throw badRequest('links may not carry a user name or password', 'links')
    if (url.href.length > PROFILE_LIMITS.link) throw badRequest(`links are at most ${PROFILE_LIMITS.link} characters, once written out in full`, 'links')
    return url.href
  }))]
}

function text(value: string, field: string, multiline: boolean): string {
  const tidy = value.trim()
  const bad = multiline ? /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/ : CONTROL // eslint-disable-line no-control-regex
  if (bad.test(tidy)) throw badRequest(`${field} may not hold control characters`, field)
  return tidy
}

export function profileChanges(body: ProfileChanges): Partial<ProfileFields> {
  const out: Partial<ProfileFields> = {}
  if (body.title !== undefined) out.title = text(body.title, 'title', false)
  if (body.about !== undefined) out.about = text(body.about, 'about', true)
  if (body.timeZone !== undefined) {
    const zone = body.timeZone === null ? null : canonicalTimeZone(body.timeZone)
    if (body.timeZone !== null && (!zone || zone.length > PROFILE_LIMITS.timeZone)) throw badRequest(`timeZone: ${body.timeZone} is not a time zone (use an IANA name such as Europe/Paris)`, 'timeZone')
    out.timeZone = zone
  }
  if (body.interests !== undefined) out.interests = tags(body.interests, 'interests')
  if (body.skills !== undefined) out.skills = tags(body.skills, 'skills')
  if (body.links !== undefined) out.links = links(body.links)
  return out
}
