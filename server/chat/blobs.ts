/**
 * Where attachment bytes live: a BlobStore by key. The default keeps them as files in a folder
 * (`<data dir>/attachments`); a cluster would put an S3-compatible bucket behind the same
 * interface. Keys are made by the server (never from a file name), so they are safe as paths.
 */
import type { FastifyInstance } from 'fastify'
import { mkdtempSync } from 'node:fs'
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { errorCodes } from '../../protocol/errors.ts'
import { HttpError } from '../http-error.ts'

export interface BlobStore {
  put(key: string, bytes: Buffer): Promise<void>
  /** The bytes, or null when there are none under `key`. */
  get(key: string): Promise<Buffer | null>
  /** Forgets the bytes under `key` (their record is gone: a removed file, a replaced photo); none there is no error. */
  delete(key: string): Promise<void>
}

const SAFE_KEY = /^[A-Za-z0-9_-]{1,100}$/

export function diskBlobStore(dir: string): BlobStore {
  const pathOf = (key: string) => {
    if (!SAFE_KEY.test(key)) throw new Error(`not a blob key: ${key}`)
    // A folder per last two characters of the key, so that no folder holds millions of files.
    return { folder: join(dir, key.slice(-2)), file: join(dir, key.slice(-2), key) }
  }
  return {
    async put(key, bytes) {
      const { folder, file } = pathOf(key)
      await mkdir(folder, { recursive: true })
      // Written aside and renamed: a reader never sees half a file, a crash leaves none.
      const partial = `${file}.partial`
      await writeFile(partial, bytes, { flush: true })
      await rename(partial, file)
    },
    async get(key) {
      try {
        return await readFile(pathOf(key).file)
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null
        throw err
      }
    },
    async delete(key) {
      await rm(pathOf(key).file, { force: true })
    },
  }
}

/**
 * The app's BlobStore: the one given, else files in `dir`, else (an app built without a data
 * folder: tests, embeds) files in a temporary folder removed when the app closes.
 */
export function attachmentBlobs(app: FastifyInstance, given: BlobStore | undefined, dir: string | null | undefined): BlobStore {
  if (given) return answering503(given, app)
  if (dir) return answering503(diskBlobStore(dir), app)
  const temp = mkdtempSync(join(tmpdir(), 'office-attachments-'))
  app.addHook('onClose', async () => rm(temp, { recursive: true, force: true }))
  return answering503(diskBlobStore(temp), app)
}

/**
 * The store whose failures (a bucket out of reach, a full disk) reach the caller as 503 "try again"
 * rather than a bare 500, logged with their cause; an upload that failed left no record behind (the
 * routes write the record after the bytes). A failed delete is logged and leaves the bytes.
 */
function answering503(blobs: BlobStore, app: FastifyInstance): BlobStore {
  const fail = (err: unknown, what: string): never => {
    app.log.error({ err }, `the file store could not ${what}`)
    throw new HttpError(503, { error: errorCodes.unavailable, message: `the file store cannot be reached, so the file could not be ${what === 'store' ? 'saved' : 'read'}; try again in a moment` })
  }
  return {
    put: (key, bytes) => blobs.put(key, bytes).catch((err: unknown) => fail(err, 'store')),
    get: (key) => blobs.get(key).catch((err: unknown) => fail(err, 'read')),
    // The record is already gone, which is what the member asked for: bytes left behind are logged, not an error to them.
    delete: (key) => blobs.delete(key).catch((err: unknown) => void app.log.warn({ err, key }, 'the file store could not delete bytes whose record is gone')),
  }
}
