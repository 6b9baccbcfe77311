/**
 * Room chats and attachments with the real server and livekit-server: a room's chat is read by
 * whoever its door would not refuse as private (a guest only their invite's rooms, a private
 * office its owner), live notices go to those readers only, a long message arrives whole, and an
 * attachment is typed by its content: a forged type is refused, a real one served with safe headers.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { SignedIn } from '../../protocol/api.ts'
import { MAX_MESSAGE_CHARS, type Attachment, type Conversations, type Message } from '../../protocol/chat.ts'
import { chatApi, chatPath, listenToChat, messageWith, type ChatListener } from '../support/chat.ts'
import { addMember, createWorkspace } from '../support/factories.ts'
import { httpClient, type HttpClient } from '../support/http.ts'
import { startStack, type Stack } from '../support/stack.ts'

/** A 2×3 PNG: signature and IHDR (what the type check reads), then enough to be a file. */
const png = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]),
  Buffer.from('IHDR'),
  Buffer.from([0, 0, 0, 2, 0, 0, 0, 3, 8, 6, 0, 0, 0, 0x72, 0xb6, 0x0d, 0x24]),
])

describe('room chats and attachments', () => {
  let stack: Stack
  let http: HttpClient
  let api: ReturnType<typeof chatApi>
  const listeners: ChatListener[] = []
  const listen = async (who: SignedIn) => {
    const l = await listenToChat(http, who)
    listeners.push(l)
    return l
  }
  const upload = (who: SignedIn, name: string, bytes: Buffer, contentType = 'application/octet-stream') =>
    fetch(`${stack.server.url}${chatPath(who, `/attachments?name=${encodeURIComponent(name)}`)}`, {
      method: 'POST', headers: { authorization: `Bearer ${who.session.token}`, 'content-type': contentType }, body: new Uint8Array(bytes),
    })

  beforeAll(async () => {
    stack = await startStack()
    http = httpClient(() => stack.server.url)
    api = chatApi(http)
  })
  afterAll(async () => {
    await Promise.all(listeners.map((l) => l.leave()))
    await stack?.stop()
  })

  it('a guest reads only the rooms of their invite, never channels; a private office only its owner', async () => {
    const owner = await createWorkspace(http)
    const [guest, ana] = [await addMember(http, owner, 'guest', ['room_meeting']), await addMember(http, owner)]
    const [guestHears, anaHears] = [await listen(guest), await listen(ana)]
    const listed = (await api.call<Conversations>(guest, 'GET', '/conversations')).body.conversations.map((c) => c.id)
    expect(listed).toEqual(['rm_room_meeting'])
    expect((await api.call(guest, 'GET', '/conversations/ch_general/messages')).status).toBe(404)
    expect((await api.call(guest, 'GET', '/conversations/rm_room_lounge/messages')).status).toBe(404)

    expect((await api.post(owner, 'rm_room_private', 'owner only')).status).toBe(201)
    expect((await api.call(ana, 'GET', '/conversations/rm_room_private/messages')).status).toBe(404)
    expect((await api.post(owner, 'rm_room_lounge', 'lounge talk')).status).toBe(201)
    await anaHears.next(messageWith('lounge talk'), 'the lounge message')
    expect((await api.post(guest, 'rm_room_meeting', 'hello from the guest')).status).toBe(201)
    await anaHears.next(messageWith('hello from the guest'), 'the meeting room message')
    await guestHears.next(messageWith('hello from the guest'), 'their own message')
    expect(anaHears.notices.some((n) => JSON.stringify(n).includes('owner only'))).toBe(false)
    expect(guestHears.notices.some((n) => JSON.stringify(n).includes('lounge talk') || JSON.stringify(n).includes('owner only'))).toBe(false)
    expect((await api.call(guest, 'POST', '/dms', { members: [ana.member.id] })).status).toBe(403)
  })

  it('a message of 4,000 multi-byte characters arrives live whole', async () => {
    const owner = await createWorkspace(http)
    const ana = await addMember(http, owner)
    const anaHears = await listen(ana)
    const body = '€'.repeat(MAX_MESSAGE_CHARS)
    expect((await api.post(owner, 'ch_general', body)).status).toBe(201)
    await anaHears.next(messageWith(body), 'the long message')
  })

  it('refuses an attachment whose content is not what its name says, and serves a real one with safe headers to readers only', async () => {
    const owner = await createWorkspace(http)
    const [ana, bo] = [await addMember(http, owner), await addMember(http, owner)]
    // HTML named (and sent as) a PNG: the content decides, and the name does not match it.
    const forged = await upload(owner, 'cat.png', Buffer.from('<html><script>alert(1)</script></html>'), 'image/png')
    expect(forged.status).toBe(415)
    expect(await forged.json()).toMatchObject({ message: expect.stringMatching(/text\/plain.*cat\.png/) })
    const binary = await upload(owner, 'tool.exe', Buffer.from([0x4d, 0x5a, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00, 0xff, 0xff]))
    expect(binary.status).toBe(415)
    const pngAsPdf = await upload(owner, 'report.pdf', png)
    expect(pngAsPdf.status).toBe(415)
    expect(await pngAsPdf.json()).toMatchObject({ message: expect.stringMatching(/image\/png/) })

    const ok = await upload(owner, 'dot.png', png, 'text/html')
    expect(ok.status).toBe(201)
    const attachment = (await ok.json()) as Attachment
    expect(attachment).toMatchObject({ name: 'dot.png', type: 'image/png', size: png.length, width: 2, height: 3 })
    const dm = await api.call<{ id: string }>(owner, 'POST', '/dms', { members: [ana.member.id] })
    const posted = await api.post(owner, dm.body.id, 'a picture', { attachments: [attachment.id] })
    expect(posted.body.attachments).toEqual([attachment])
    expect((await api.post(bo, 'ch_general', 'stolen', { attachments: [attachment.id] })).status).toBe(400)

    const get = (who: SignedIn) => fetch(`${stack.server.url}${chatPath(who, `/attachments/${attachment.id}`)}`, { headers: { authorization: `Bearer ${who.session.token}` } })
    const served = await get(ana)
    expect(served.status).toBe(200)
    expect(Buffer.from(await served.arrayBuffer()).equals(png)).toBe(true)
    expect(served.headers.get('content-type')).toBe('image/png')
    expect(served.headers.get('x-content-type-options')).toBe('nosniff')
    expect(served.headers.get('content-disposition')).toMatch(/^inline; filename="dot.png"/)
    expect(served.headers.get('content-security-policy')).toBe("sandbox; default-src 'none'")
    expect((await get(bo)).status).toBe(404)

    const text = await upload(owner, 'notes.txt', Buffer.from('plain words\n'))
    const textAtt = (await text.json()) as Attachment
    await api.post(owner, 'ch_general', 'notes', { attachments: [textAtt.id] })
    const served2 = await fetch(`${stack.server.url}${chatPath(bo, `/attachments/${textAtt.id}`)}`, { headers: { authorization: `Bearer ${bo.session.token}` } })
    expect(served2.headers.get('content-disposition')).toMatch(/^attachment;/)
    expect(served2.headers.get('content-type')).toBe('text/plain; charset=utf-8')
  })

  it('refuses an attachment over 10 MB with 413', async () => {
    const owner = await createWorkspace(http)
    const big = await upload(owner, 'big.txt', Buffer.alloc(10 * 1024 * 1024 + 1, 0x61))
    expect(big.status).toBe(413)
  })

  it('a message that is already gone leaves its attachment unreadable', async () => {
    const owner = await createWorkspace(http)
    const ana = await addMember(http, owner)
    const att = (await (await upload(owner, 'a.txt', Buffer.from('x'))).json()) as Attachment
    const posted = (await api.post(owner, 'ch_general', 'file', { attachments: [att.id] })).body as Message
    await api.call(owner, 'DELETE', `/messages/${posted.id}`)
    const res = await fetch(`${stack.server.url}${chatPath(ana, `/attachments/${att.id}`)}`, { headers: { authorization: `Bearer ${ana.session.token}` } })
    expect(res.status).toBe(404)
  })
})
