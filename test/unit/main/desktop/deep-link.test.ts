import { describe, expect, it, vi } from 'vitest'
import { createDeepLinkInbox } from '../../../../main/desktop/deep-link-inbox.ts'
import { linkFromArgv, parseDeepLink, serverHost } from '../../../../main/desktop/deep-link.ts'

const host = serverHost('https://Office.Example.com')
const reason = (raw: unknown) => {
  const r = parseDeepLink(raw, host)
  return r.ok ? 'accepted' : r.reason
}

describe('parseDeepLink', () => {
  it('reads a room link and a member link', () => {
    expect(parseDeepLink('virtualoffice://office.example.com/ws_acme/room/room_lounge', host)).toEqual({
      ok: true, link: { host: 'office.example.com', workspaceId: 'ws_acme', target: 'room', id: 'room_lounge' },
    })
    expect(parseDeepLink('VirtualOffice://OFFICE.example.com/ws_acme/member/mem_ana', host)).toMatchObject({ ok: true, link: { target: 'member', id: 'mem_ana' } })
  })

  it('accepts a server on a port only with that port', () => {
    const local = serverHost('http://127.0.0.1:8080/')
    expect(parseDeepLink('virtualoffice://127.0.0.1:8080/ws_a/room/r1', local).ok).toBe(true)
    expect(parseDeepLink('virtualoffice://127.0.0.1:9999/ws_a/room/r1', local).ok).toBe(false)
  })

  it.each([
    ['another scheme', 'https://office.example.com/ws_acme/room/r1', 'not a virtualoffice:// link'],
    ['a file link', 'file:///etc/passwd', 'not a virtualoffice:// link'],
    ['credentials', 'virtualoffice://eve:pw@office.example.com/ws_acme/room/r1', 'carries credentials'],
    ['a bare @ before the host', 'virtualoffice://evil@office.example.com/ws_acme/room/r1', 'carries credentials'],
    ['dot-dot', 'virtualoffice://office.example.com/ws_acme/room/../../member/x', 'path traversal'],
    ['encoded dot-dot', 'virtualoffice://office.example.com/ws_acme/room/%2e%2e/x', 'path traversal'],
    ['an encoded slash', 'virtualoffice://office.example.com/ws_acme/room/a%2Fb', 'path traversal'],
    ['a backslash', 'virtualoffice://office.example.com\\ws_acme/room/r1', 'contains control characters, spaces or backslashes'],
    ['a newline', 'virtualoffice://office.example.com/ws_acme/room/r1\n--inspect', 'contains control characters, spaces or backslashes'],
    ['overlong', `virtualoffice://office.example.com/ws_acme/room/${'a'.repeat(600)}`, 'longer than 512 characters'],
    ['an id with odd characters', 'virtualoffice://office.example.com/ws_acme/room/r%C3%A9', 'bad workspace, room or member id'],
    ['an id too long', `virtualoffice://office.example.com/ws_acme/room/${'a'.repeat(65)}`, 'bad workspace, room or member id'],
    ['an unknown target', 'virtualoffice://office.example.com/ws_acme/admin/r1', 'expected /<workspace>/room/<id> or /<workspace>/member/<id>'],
    ['extra segments', 'virtualoffice://office.example.com/ws_acme/room/r1/x', 'expected /<workspace>/room/<id> or /<workspace>/member/<id>'],
    ['a query', 'virtualoffice://office.example.com/ws_acme/room/r1?server=evil', 'has a query or fragment'],
    ['another host', 'virtualoffice://evil.example/ws_acme/room/r1', 'host "evil.example" is not this app\'s server'],
    ['a look-alike host', 'virtualoffice://office.example.com.evil.example/ws_acme/room/r1', 'host "office.example.com.evil.example" is not this app\'s server'],
  ])('refuses %s', (_name, raw, why) => expect(reason(raw)).toBe(why))

  it('refuses what is not text', () => expect(reason(42)).toBe('not text'))
})

describe('linkFromArgv', () => {
  it('picks the link from a second instance command line, ignoring flags', () => {
    expect(linkFromArgv(['/opt/Virtual Office/virtual-office', '--no-sandbox', 'virtualoffice://h/ws/room/r'])).toBe('virtualoffice://h/ws/room/r')
    expect(linkFromArgv(['/usr/bin/virtual-office', '--server=https://x'])).toBeNull()
  })
})

describe('single-instance hand-off', () => {
  const setup = () => {
    const calls: string[] = []
    const delivered: unknown[] = []
    const inbox = createDeepLinkInbox({ allowedHost: host, focus: () => calls.push('focus'), deliver: (l) => delivered.push(l), warn: vi.fn() })
    return { calls, delivered, inbox }
  }
  const link = 'virtualoffice://office.example.com/ws_acme/room/room_lounge'

  it('keeps a link that arrives before the renderer listens, for it to take once', () => {
    const { inbox, delivered } = setup()
    expect(inbox.receive(link)).toBeNull()
    expect(delivered).toEqual([])
    expect(inbox.take()).toMatchObject({ id: 'room_lounge' })
    expect(inbox.take()).toBeNull()
  })

  it('focuses the first instance and delivers the second instance link', () => {
    const { inbox, calls, delivered } = setup()
    inbox.take()
    expect(inbox.secondInstance(['app', '--flag', link])).toBeNull()
    expect(calls).toEqual(['focus'])
    expect(delivered).toEqual([{ host, workspaceId: 'ws_acme', target: 'room', id: 'room_lounge' }])
  })

  it('focuses but walks nowhere on a hostile link, and says why', () => {
    const { inbox, calls, delivered } = setup()
    inbox.take()
    expect(inbox.secondInstance(['app', 'virtualoffice://evil.example/ws/room/r'])).toMatch(/not this app's server/)
    expect(calls).toEqual(['focus'])
    expect(delivered).toEqual([])
  })

  it('holds links again while the renderer reloads', () => {
    const { inbox, delivered } = setup()
    inbox.take()
    inbox.detach()
    inbox.receive(link)
    expect(delivered).toEqual([])
    expect(inbox.take()).toMatchObject({ id: 'room_lounge' })
  })
})
