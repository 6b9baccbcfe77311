/** The inline preview of an image attachment: its own size, scaled down (never up) to fit a bounded box. */
import type { Attachment } from '../../protocol/chat.ts'

export const PREVIEW_BOX = { width: 280, height: 200 }

export function previewSize(a: Pick<Attachment, 'width' | 'height'>): { width: number; height: number } {
  const w = a.width ?? PREVIEW_BOX.width
  const h = a.height ?? PREVIEW_BOX.height
  const scale = Math.min(1, PREVIEW_BOX.width / w, PREVIEW_BOX.height / h)
  return { width: Math.max(1, Math.round(w * scale)), height: Math.max(1, Math.round(h * scale)) }
}
