/**
 * Attachments in an S3-compatible bucket, the cluster case (issue 12): two server instances
 * (`node server/index.ts`, configured by OFFICE_S3_*) share one PostgreSQL and one bucket and no
 * folder. What one instance stored, the other serves; the bytes are in the bucket, not on either
 * instance's disk; a removed file's bytes leave the bucket; a bucket that cannot be reached fails
 * the upload with a clear error and leaves nothing half-made.
 */
import { existsSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { SignedIn } from '../../protocol/api.ts'
import type { Attachment } from '../../protocol/chat.ts'
import { chatPath } from '../support/chat.ts'
import { createWorkspace } from '../support/factories.ts'
import { httpClient } from '../support/http.ts'
import { startLivekit, type TestLivekit } from '../support/livekit.ts'
import { freeTcpPort } from '../support/ports.ts'
import { startPostgres, type PostgresCluster } from '../support/postgres.ts'
import { startS3, type TestBucket } from '../support/s3.ts'
import { startServerProcess, type ServerProcess } from '../support/server-process.ts'
import { tempDir } from '../support/temp.ts'

describe('attachments in an S3-compatible bucket shared by two server instances', () => {
  let livekit: TestLivekit
  let postgres: PostgresCluster
  let bucket: TestBucket
  const servers: ServerProcess[] = []
  const dirs: { path: string; remove(): void }[] = []

  const instance = async (databaseUrl: string, env: NodeJS.ProcessEnv) => {
    const dir = tempDir('s3-server-')
    dirs.push(dir)
    const server = await startServerProcess({ dataDir: dir.path, livekit, env: { DATABASE_URL: databaseUrl, ...env } })
    servers.push(server)
    return { server, dir: dir.path }
  }
  const upload = (url: string, who: SignedIn, name: string, bytes: Buffer) =>
    fetch(`${url}${chatPath(who, `/attachments?name=${encodeURIComponent(name)}`)}`, {
      method: 'POST', headers: { authorization: `Bearer ${who.session.token}`, 'content-type': 'application/octet-stream' }, body: new Uint8Array(bytes),
    })
  const download = (url: string, who: SignedIn, id: string) => fetch(`${url}${chatPath(who, `/attachments/${id}`)}`, { headers: { authorization: `Bearer ${who.session.token}` } })
  /** Files under `dir`'s attachments folder, if it has one. */
  const filesIn = (dir: string) => (existsSync(join(dir, 'attachments')) ? readdirSync(join(dir, 'attachments'), { recursive: true }) : [])

  beforeAll(async () => {
    ;[livekit, postgres, bucket] = await Promise.all([startLivekit(), startPostgres(), startS3()])
  })
  afterAll(async () => {
    await Promise.all(servers.map((s) => s.stop()))
    await Promise.all([livekit?.stop(), postgres?.stop(), bucket?.stop()])
    for (const d of dirs) d.remove()
  })

  it('serves from either instance what the other stored, from the bucket', async () => {
    const databaseUrl = await postgres.createDatabase()
    const a = await instance(databaseUrl, bucket.env)
    const b = await instance(databaseUrl, bucket.env)
    const owner = await createWorkspace(httpClient(a.server.url))
    const note = Buffer.from('Minutes of the Monday meeting\n')
    const res = await upload(a.server.url, owner, 'minutes.txt', note)
    expect(res.status).toBe(201)
    const attachment = (await res.json()) as Attachment
    // The bytes went to the bucket, and to neither instance's disk.
    expect((await bucket.keys()).length).toBe(1)
    expect([filesIn(a.dir), filesIn(b.dir)]).toEqual([[], []])
    const fromB = await download(b.server.url, owner, attachment.id)
    expect(fromB.status).toBe(200)
    expect(Buffer.from(await fromB.arrayBuffer())).toEqual(note)
  })

  it('refuses an upload with a clear error while the bucket cannot be reached, and stores nothing', async () => {
    const databaseUrl = await postgres.createDatabase()
    const nowhere = `http://127.0.0.1:${await freeTcpPort()}`
    const c = await instance(databaseUrl, { ...bucket.env, OFFICE_S3_ENDPOINT: nowhere })
    const owner = await createWorkspace(httpClient(c.server.url))
    const before = (await bucket.keys()).length
    const res = await upload(c.server.url, owner, 'minutes.txt', Buffer.from('lost?'))
    expect(res.status).toBe(503)
    expect(((await res.json()) as { message: string }).message).toMatch(/^the file store cannot be reached, so the file could not be saved; try again/)
    expect((await bucket.keys()).length).toBe(before)
  })

  it('deletes from the bucket the bytes of a file removed from a shelf, whichever instance removes it', async () => {
    const databaseUrl = await postgres.createDatabase()
    const a = await instance(databaseUrl, bucket.env)
    const b = await instance(databaseUrl, bucket.env)
    const owner = await createWorkspace(httpClient(a.server.url))
    const before = await bucket.keys()
    const res = await fetch(`${a.server.url}/api/workspaces/${owner.workspace.id}/shelves/room_lounge/files?name=notes.txt`, {
      method: 'POST', headers: { authorization: `Bearer ${owner.session.token}`, 'content-type': 'application/octet-stream' }, body: new Uint8Array(Buffer.from('Plan for the week\n')),
    })
    expect(res.status).toBe(201)
    const item = (await res.json()) as { id: string }
    expect((await bucket.keys()).length).toBe(before.length + 1)
    const removed = await httpClient(b.server.url).call('DELETE', `/api/workspaces/${owner.workspace.id}/shelves/room_lounge/items/${item.id}`, { token: owner.session.token })
    expect(removed.status).toBe(204)
    expect((await bucket.keys()).sort()).toEqual([...before].sort())
  })

  it('will not start with a bucket and no keys, naming what is missing', async () => {
    const databaseUrl = await postgres.createDatabase()
    await expect(instance(databaseUrl, { OFFICE_S3_BUCKET: bucket.bucket })).rejects.toThrow(/OFFICE_S3_ACCESS_KEY_ID and OFFICE_S3_SECRET_ACCESS_KEY/)
  })
})
