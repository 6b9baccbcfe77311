/**
 * The mail server of event guests' reminder emails, read from the environment (index.ts):
 * OFFICE_SMTP_URL (smtp:// or smtps://, credentials in the URL) and OFFICE_MAIL_FROM. Neither set:
 * no email is sent. Anything half set or malformed is an error naming the variable, at start.
 */

export interface MailSettings {
  /** smtp://user:pass@host:587 (STARTTLS when offered) or smtps://…:465 (TLS from the start). */
  url: string
  /** The From address, as `Office <office@example.com>` or `office@example.com`. */
  from: string
}

type Env = Record<string, string | undefined>

// eslint-disable-next-line no-control-regex -- control characters are what it refuses
const CONTROL = /[\u0000-\u001f\u007f]/
const ADDRESS = '[^\\s@<>"(),;:]+@[^\\s@<>"(),;:]+\\.[^\\s@<>"(),;:]+'
const FROM = new RegExp(`^(?:${ADDRESS}|[^<>"]{0,100}<${ADDRESS}>|"[^"]{0,100}"\\s*<${ADDRESS}>)$`)

/** The settings, or null when mail is off; throws an Error whose message names the variable. */
export function mailSettingsFromEnv(env: Env): MailSettings | null {
  const url = env.OFFICE_SMTP_URL?.trim() ?? ''
  const from = env.OFFICE_MAIL_FROM?.trim() ?? ''
  if (!url) {
    if (from) throw new Error('OFFICE_MAIL_FROM is set but OFFICE_SMTP_URL is not: set both to email event guests their reminder, or neither')
    return null
  }
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    throw new Error('OFFICE_SMTP_URL must be a URL such as smtp://user:password@mail.example.com:587 or smtps://user:password@mail.example.com:465')
  }
  if (parsed.protocol !== 'smtp:' && parsed.protocol !== 'smtps:') throw new Error(`OFFICE_SMTP_URL must start with smtp:// or smtps://, not ${parsed.protocol}//`)
  if (!parsed.hostname) throw new Error('OFFICE_SMTP_URL has no host name')
  if (!from) throw new Error('OFFICE_MAIL_FROM must be set when OFFICE_SMTP_URL is: the From address of reminder emails, such as "Office <office@example.com>"')
  if (from.length > 254 || CONTROL.test(from) || !FROM.test(from)) {
    throw new Error('OFFICE_MAIL_FROM must be one address, such as office@example.com or "Office <office@example.com>"')
  }
  // The email's link to the event must be the server's own address, never a caller's Host header.
  if (!env.OFFICE_PUBLIC_URL?.trim()) throw new Error('OFFICE_PUBLIC_URL must be set when OFFICE_SMTP_URL is: reminder emails link to the event’s public page')
  return { url, from }
}

/** The mail server, for a log line: no user name, no password. */
export function describeMailServer(settings: MailSettings): string {
  const u = new URL(settings.url)
  return `${u.protocol}//${u.hostname}${u.port ? `:${u.port}` : ''}`
}
