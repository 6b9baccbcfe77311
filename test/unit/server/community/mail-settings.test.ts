/** The reminder emails' settings from the environment: off, on, or an error that names the variable to fix. */
import { describe, expect, it } from 'vitest'
import { describeMailServer, mailSettingsFromEnv } from '../../../../server/community/mail-settings.ts'

const on = { OFFICE_SMTP_URL: 'smtp://office:secret@mail.example.com:587', OFFICE_MAIL_FROM: 'Office <office@example.com>', OFFICE_PUBLIC_URL: 'https://office.example.com' }

describe('mailSettingsFromEnv', () => {
  it('is off (null) with neither variable set, and on with both and the public address', () => {
    expect(mailSettingsFromEnv({})).toBeNull()
    expect(mailSettingsFromEnv({ OFFICE_SMTP_URL: ' ', OFFICE_PUBLIC_URL: 'https://x.example' })).toBeNull()
    expect(mailSettingsFromEnv(on)).toEqual({ url: on.OFFICE_SMTP_URL, from: on.OFFICE_MAIL_FROM })
    expect(mailSettingsFromEnv({ ...on, OFFICE_SMTP_URL: 'smtps://mail.example.com', OFFICE_MAIL_FROM: 'office@example.com' })).toMatchObject({ from: 'office@example.com' })
    expect(mailSettingsFromEnv({ ...on, OFFICE_MAIL_FROM: '"The Office, Ltd" <office@example.com>' })).not.toBeNull()
  })

  it.each([
    [{ OFFICE_MAIL_FROM: 'office@example.com' }, /OFFICE_MAIL_FROM is set but OFFICE_SMTP_URL is not/],
    [{ ...on, OFFICE_SMTP_URL: 'mail.example.com:587' }, /OFFICE_SMTP_URL must start with smtp:\/\/ or smtps:\/\//],
    [{ ...on, OFFICE_SMTP_URL: 'https://mail.example.com' }, /OFFICE_SMTP_URL must start with smtp:\/\/ or smtps:\/\/, not https:/],
    [{ ...on, OFFICE_SMTP_URL: 'smtp://' }, /OFFICE_SMTP_URL/],
    [{ ...on, OFFICE_SMTP_URL: 'not a url' }, /OFFICE_SMTP_URL must be a URL/],
    [{ ...on, OFFICE_MAIL_FROM: undefined }, /OFFICE_MAIL_FROM must be set when OFFICE_SMTP_URL is/],
    [{ ...on, OFFICE_MAIL_FROM: 'office' }, /OFFICE_MAIL_FROM must be one address/],
    [{ ...on, OFFICE_MAIL_FROM: 'a@example.com, b@example.com' }, /OFFICE_MAIL_FROM must be one address/],
    [{ ...on, OFFICE_MAIL_FROM: 'office@example.com\r\nBcc: x@example.com' }, /OFFICE_MAIL_FROM must be one address/],
    [{ ...on, OFFICE_PUBLIC_URL: undefined }, /OFFICE_PUBLIC_URL must be set when OFFICE_SMTP_URL is/],
  ])('refuses %o, naming the variable', (env, message) => {
    expect(() => mailSettingsFromEnv(env)).toThrow(message)
  })

  it('describes the mail server for the log without its credentials', () => {
    expect(describeMailServer({ url: on.OFFICE_SMTP_URL, from: on.OFFICE_MAIL_FROM })).toBe('smtp://mail.example.com:587')
  })
})
