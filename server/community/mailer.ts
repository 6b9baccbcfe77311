/**
 * Sending one plain-text email through the configured mail server (nodemailer's SMTP transport).
 * Headers are nodemailer's to write: callers hand it values, never header lines.
 */
import nodemailer from 'nodemailer'
import type { MailSettings } from './mail-settings.ts'

export interface OutgoingMail {
  to: string
  subject: string
  text: string
}

export interface Mailer {
  /** Resolves once the mail server has accepted the message; rejects otherwise. */
  send(mail: OutgoingMail): Promise<void>
  close(): void
}

/** A mail server that does not answer is given up on after this long (then retried, see mail-reminders.ts). */
const TIMEOUT_MS = 20_000

export function smtpMailer(settings: MailSettings): Mailer {
  const transport = nodemailer.createTransport({
    url: settings.url,
    connectionTimeout: TIMEOUT_MS,
    greetingTimeout: TIMEOUT_MS,
    socketTimeout: TIMEOUT_MS,
  })
  return {
    async send({ to, subject, text }) {
      await transport.sendMail({ from: settings.from, to, subject, text, disableUrlAccess: true, disableFileAccess: true })
    },
    close() {
      transport.close()
    },
  }
}
