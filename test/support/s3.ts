/**
 * A real S3-compatible server for a test file (Versity's gateway serving a temporary folder, on a
 * free loopback port, with its own keys), and one empty bucket in it: where attachments go when a
 * cluster of server instances shares no folder.
 */
import { randomBytes } from 'node:crypto'
import { CreateBucketCommand, ListObjectsV2Command, S3Client } from '@aws-sdk/client-s3'
import { ensureS3Server } from '../../scripts/lib/s3-install.ts'
import { spawnTool } from './child-process.ts'
import { freeTcpPort } from './ports.ts'
import { tempDir } from './temp.ts'

export interface TestBucket {
  endpoint: string
  bucket: string
  region: string
  accessKeyId: string
  secretAccessKey: string
  /** The server's environment for this bucket (OFFICE_S3_*). */
  env: NodeJS.ProcessEnv
  /** The keys of the objects in the bucket. */
  keys(): Promise<string[]>
  stop(): Promise<void>
}

export async function startS3(): Promise<TestBucket> {
  const binary = ensureS3Server()
  const dir = tempDir('s3-')
  const port = await freeTcpPort()
  const endpoint = `http://127.0.0.1:${port}`
  const accessKeyId = `office${randomBytes(4).toString('hex')}`
  const secretAccessKey = randomBytes(24).toString('base64url')
  const region = 'us-east-1'
  const tool = spawnTool('versitygw', binary, ['--access', accessKeyId, '--secret', secretAccessKey, '--port', `127.0.0.1:${port}`, '--region', region, '--quiet', 'posix', dir.path])
  const client = new S3Client({ region, endpoint, forcePathStyle: true, credentials: { accessKeyId, secretAccessKey } })
  const bucket = 'office-attachments'
  await tool.waitUntil(async () => {
    try {
      await client.send(new CreateBucketCommand({ Bucket: bucket }))
      return true
    } catch (err) {
      // Not listening yet: connection refused. Anything else (bad keys, no xattrs on the folder) is a real failure.
      if ((err as NodeJS.ErrnoException).code === 'ECONNREFUSED' || /ECONNREFUSED/.test(String((err as Error).message))) return false
      throw err
    }
  }, 'the S3 server to answer')
  return {
    endpoint, bucket, region, accessKeyId, secretAccessKey,
    env: { OFFICE_S3_ENDPOINT: endpoint, OFFICE_S3_BUCKET: bucket, OFFICE_S3_REGION: region, OFFICE_S3_ACCESS_KEY_ID: accessKeyId, OFFICE_S3_SECRET_ACCESS_KEY: secretAccessKey },
    async keys() {
      const out = await client.send(new ListObjectsV2Command({ Bucket: bucket }))
      return (out.Contents ?? []).flatMap((o) => (o.Key ? [o.Key] : []))
    },
    async stop() {
      client.destroy()
      await tool.stop()
      dir.remove()
    },
  }
}
