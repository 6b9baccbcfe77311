/**
 * A profile photo from uploaded bytes: its type found from the content (PNG, JPEG or WebP only,
 * whatever the name or header says), its size bounded before decoding, then cropped to a square
 * and re-encoded by sharp, so that nothing of the upload itself is ever served (no metadata, no
 * trailing bytes, no polyglot).
 */
import sharp from 'sharp'
import { PROFILE_LIMITS } from '../../protocol/profiles.ts'
import { errorCodes } from '../../protocol/errors.ts'
import { sniff } from '../chat/sniff.ts'
import { HttpError, badRequest } from '../http-error.ts'

const ALLOWED = new Set(['image/png', 'image/jpeg', 'image/webp'])
/** What is served: the re-encoded image's type. */
export const PHOTO_TYPE = 'image/webp'

const unsupported = (message: string) => new HttpError(415, { error: errorCodes.badRequest, message, field: 'body' })

export async function processPhoto(bytes: Buffer): Promise<Buffer> {
  if (bytes.length === 0) throw badRequest('the body holds the photo’s bytes, and it is empty', 'body')
  const found = sniff(bytes)
  if (!found || !ALLOWED.has(found.type)) {
    const what = found ? found.type.split(';')[0] : 'not an image this server knows'
    throw unsupported(`a photo is a PNG, JPEG or WebP image; the content is ${what}`)
  }
  if (found.width && found.height && found.width * found.height > PROFILE_LIMITS.photoPixels) {
    throw badRequest(`the photo is ${found.width}×${found.height} pixels; at most ${PROFILE_LIMITS.photoPixels / 1_000_000} megapixels`, 'body')
  }
  const size = PROFILE_LIMITS.photoSize
  try {
    return await sharp(bytes, { limitInputPixels: PROFILE_LIMITS.photoPixels, failOn: 'error', animated: false })
      .rotate()
      .resize(size, size, { fit: 'cover', position: 'centre' })
      .webp({ quality: 82 })
      .toBuffer()
  } catch {
    throw unsupported(`the content looks like ${found.type} but could not be read as an image`)
  }
}
