/**
 * Attachment bytes in an S3-compatible bucket, for a cluster of server instances that share no
 * folder: the same BlobStore as the disk one (server/chat/blobs.ts), through the AWS SDK, which
 * speaks to any S3-compatible service given its endpoint (path-style addressing, as most
 * self-hosted ones want).
 */
import { DeleteObjectCommand, GetObjectCommand, NoSuchKey, PutObjectCommand, S3Client } from '@aws-sdk/client-s3'
import type { BlobStore } from './blobs.ts'

export interface S3Settings {
  /** The service's URL, e.g. http://127.0.0.1:8333; AWS itself when absent. */
  endpoint?: string
  bucket: string
  region: string
  accessKeyId: string
  secretAccessKey: string
  /** Keys go under this prefix (one bucket for several things). */
  prefix?: string
}

const SAFE_KEY = /^[A-Za-z0-9_-]{1,100}$/

export function s3BlobStore(s: S3Settings): BlobStore & { close(): void } {
  const client = new S3Client({
    region: s.region,
    ...(s.endpoint ? { endpoint: s.endpoint, forcePathStyle: true } : {}),
    credentials: { accessKeyId: s.accessKeyId, secretAccessKey: s.secretAccessKey },
    // A request that cannot reach the bucket fails the upload; it is not retried for minutes.
    maxAttempts: 3,
  })
  const keyOf = (key: string) => {
    if (!SAFE_KEY.test(key)) throw new Error(`not a blob key: ${key}`)
    return `${s.prefix ?? ''}${key}`
  }
  return {
    async put(key, bytes) {
      // One PUT is atomic: a reader sees the whole object or none.
      await client.send(new PutObjectCommand({ Bucket: s.bucket, Key: keyOf(key), Body: bytes, ContentLength: bytes.length }))
    },
    async get(key) {
      try {
        const out = await client.send(new GetObjectCommand({ Bucket: s.bucket, Key: keyOf(key) }))
        if (!out.Body) return null
        return Buffer.from(await out.Body.transformToByteArray())
      } catch (err) {
        if (err instanceof NoSuchKey || (err as { name?: string }).name === 'NoSuchKey') return null
        throw err
      }
    },
    async delete(key) {
      // S3 answers a missing key with success too.
      await client.send(new DeleteObjectCommand({ Bucket: s.bucket, Key: keyOf(key) }))
    },
    close: () => client.destroy(),
  }
}

/** The bucket from the environment (OFFICE_S3_*), or null when OFFICE_S3_BUCKET is not set; names what is missing. */
export function s3SettingsFromEnv(env: NodeJS.ProcessEnv): S3Settings | null {
  const bucket = env.OFFICE_S3_BUCKET
  if (!bucket) return null
  const missing = ['OFFICE_S3_ACCESS_KEY_ID', 'OFFICE_S3_SECRET_ACCESS_KEY'].filter((name) => !env[name])
  if (missing.length) throw new Error(`OFFICE_S3_BUCKET is set, so ${missing.join(' and ')} must be too`)
  if (env.OFFICE_S3_ENDPOINT && !/^https?:\/\/[^\s/]+/.test(env.OFFICE_S3_ENDPOINT)) throw new Error(`OFFICE_S3_ENDPOINT must be an http(s) URL (got ${env.OFFICE_S3_ENDPOINT})`)
  return {
    ...(env.OFFICE_S3_ENDPOINT ? { endpoint: env.OFFICE_S3_ENDPOINT } : {}),
    bucket,
    region: env.OFFICE_S3_REGION ?? 'us-east-1',
    accessKeyId: env.OFFICE_S3_ACCESS_KEY_ID!,
    secretAccessKey: env.OFFICE_S3_SECRET_ACCESS_KEY!,
    ...(env.OFFICE_S3_PREFIX ? { prefix: env.OFFICE_S3_PREFIX } : {}),
  }
}
