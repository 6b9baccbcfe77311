/**
 * A shelf file's type, from its bytes (server/chat/sniff.ts, as chat attachments), never from its
 * name or the sender's header. Shelves hold documents too: a ZIP container named .docx, .xlsx,
 * .pptx, .odt, .ods or .odp is kept as that document type (a browser downloads it either way).
 */
import { extensionOf, sniff, type Sniffed } from '../chat/sniff.ts'

const documents: Record<string, string> = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  pptx: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  odt: 'application/vnd.oasis.opendocument.text',
  ods: 'application/vnd.oasis.opendocument.spreadsheet',
  odp: 'application/vnd.oasis.opendocument.presentation',
}

export const ALLOWED = 'PNG, JPEG, GIF, WebP, PDF, ZIP (and Office or OpenDocument files), plain text'

export type FileType = { ok: true; type: string } | { ok: false; message: string }

export function fileTypeOf(bytes: Buffer, name: string): FileType {
  const found: Sniffed | null = sniff(bytes)
  if (!found) return { ok: false, message: `this kind of file cannot go on a shelf (allowed: ${ALLOWED})` }
  const ext = extensionOf(name)
  if (found.type === 'application/zip' && documents[ext]) return { ok: true, type: documents[ext] }
  if (!found.extensions.includes(ext)) {
    return { ok: false, message: `the content is ${found.type.split(';')[0]}, which the name ${name} does not match (expected .${found.extensions.join(', .')})` }
  }
  return { ok: true, type: found.type }
}
