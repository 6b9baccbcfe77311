/**
 * A message's attachments. Images show inline in a preview box sized from their width and height
 * (bounded, so a huge image neither jumps the list nor fills it); other files are a download. The
 * bytes need the session's token, so they come through the service as an object URL.
 */
import { Download, FileText } from 'lucide-react'
import { useEffect, useState } from 'react'
import type { Attachment } from '../../protocol/chat.ts'
import { failure, useChatService } from './hooks.ts'
import { fileSize } from './names.ts'
import { previewSize } from './preview.ts'

const IMAGE_TYPES = new Set(['image/png', 'image/jpeg', 'image/gif', 'image/webp'])

export function Attachments({ attachments }: { attachments: readonly Attachment[] }) {
  return (
    <ul className="chat-attachments" aria-label="Attachments">
      {attachments.map((a) => (
        <li key={a.id}>{IMAGE_TYPES.has(a.type) ? <ImagePreview attachment={a} /> : <FileLink attachment={a} />}</li>
      ))}
    </ul>
  )
}

function ImagePreview({ attachment }: { attachment: Attachment }) {
  const service = useChatService()
  const [url, setUrl] = useState<string | null>(null)
  const [error, setError] = useState<string | null>(null)
  useEffect(() => {
    let live = true
    service.attachmentUrl(attachment.id).then(
      (u) => live && setUrl(u),
      (err: unknown) => live && setError(failure(err)),
    )
    return () => void (live = false)
  }, [service, attachment.id])
  const size = previewSize(attachment)
  if (error) return <FileLink attachment={attachment} />
  return url ? (
    <a href={url} download={attachment.name} className="chat-image" title={`Download ${attachment.name}`}>
      <img src={url} alt={attachment.name} width={size.width} height={size.height} />
    </a>
  ) : (
    <span className="chat-image chat-image-loading" style={size} role="img" aria-label={`${attachment.name}, loading`} />
  )
}

function FileLink({ attachment }: { attachment: Attachment }) {
  const service = useChatService()
  const [error, setError] = useState<string | null>(null)
  const download = async () => {
    try {
      const url = await service.attachmentUrl(attachment.id)
      const a = document.createElement('a')
      a.href = url
      a.download = attachment.name
      a.click()
      setError(null)
    } catch (err) {
      setError(failure(err))
    }
  }
  return (
    <span className="chat-file">
      <FileText size={16} aria-hidden="true" />
      <button type="button" className="link" onClick={() => void download()} aria-label={`Download ${attachment.name}, ${fileSize(attachment.size)}`}>
        <bdi>{attachment.name}</bdi>
      </button>
      <span className="where">{fileSize(attachment.size)}</span>
      <Download size={14} aria-hidden="true" />
      {error && <span role="alert" className="form-error">{error}</span>}
    </span>
  )
}
