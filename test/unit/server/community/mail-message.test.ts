/** The reminder email's text: one-line bounded values in the subject, the start in UTC with its offset. */
import { describe, expect, it } from 'vitest'
import { oneLine, reminderMail, utcTime } from '../../../../server/community/mail-message.ts'

const facts = {
  to: 'olga@outside.example', guestName: 'Olga', workspaceName: 'Acme', title: 'Open house',
  startsAt: Date.UTC(2031, 2, 14, 10, 30), roomName: 'Lounge', link: 'https://office.example.com/#/event/abcdefghijklmnop',
}

describe('the reminder email', () => {
  it.each([
    ['Launch\r\nBcc: x@example.com', 100, 'Launch Bcc: x@example.com'],
    ['tab\there\u2028and\u0085there\u0000', 100, 'tab here and there'],
    ['a'.repeat(200), 10, `${'a'.repeat(9)}…`],
  ])('puts %j on one line of at most %i characters', (value, max, expected) => {
    expect(oneLine(value, max)).toBe(expected)
  })

  it('says when in UTC with the offset spelled out', () => {
    expect(utcTime(facts.startsAt)).toBe('Friday, 14 March 2031, 10:30 UTC (UTC+00:00)')
  })

  it('is plain text with the title, time, room and link; without the link once unpublished', () => {
    const mail = reminderMail(facts)
    expect(mail.subject).toBe('Reminder: Open house starts at 10:30 UTC')
    expect(mail.text.split('\n')).toEqual(expect.arrayContaining([
      'Hello Olga,', '"Open house" starts in 5 minutes.', 'When: Friday, 14 March 2031, 10:30 UTC (UTC+00:00)', 'Room: Lounge', `Event page: ${facts.link}`,
    ]))
    expect(reminderMail({ ...facts, link: null }).text).toContain('Event page: no longer published by its host.')
    expect(reminderMail({ ...facts, title: 'x'.repeat(120) }).subject.length).toBeLessThanOrEqual('Reminder:  starts at 10:30 UTC'.length + 80)
  })
})
